/** @jsxImportSource hono/jsx */
import type { PublicPerson } from '@lianxin/model';
import { DICTIONARY, pick, type Lang } from './dictionary';
import { clip, DisplayLimit, telHref } from './display';

export interface PersonTextProps {
  readonly person: PublicPerson;
  readonly lang: Lang;
  /** Said instead of the name when it was not published, e.g. “党员”. */
  readonly withheld?: string;
}

/**
 * A person on a board: name (only when consent was recorded: the projection leaves it null
 * otherwise), post, and phone as a `tel:` link. Nothing else about a person exists here.
 */
export function PersonText({ person, lang, withheld }: PersonTextProps) {
  const t = DICTIONARY[lang];
  const post = person.post ? clip(pick(person.post, lang), DisplayLimit.label) : null;
  const phone = person.phone ? clip(person.phone, DisplayLimit.phone) : null;
  const href = phone ? telHref(phone) : null;
  return (
    <span class="person">
      {person.name ? <strong>{clip(person.name, DisplayLimit.name)}</strong> : <span>{withheld ?? t.nameWithheld}</span>}
      {post ? <span class="person-post">{t.aside(post)}</span> : null}
      {phone ? (
        <>
          {' '}
          {href ? <a href={href}>{phone}</a> : <span>{phone}</span>}
        </>
      ) : null}
    </span>
  );
}

/** @jsxImportSource hono/jsx */
import { LABELS, MATTER_STEPS, type PublicDisclosure, type PublicStep } from '@lianxin/model';
import { DICTIONARY, pick, type Lang } from './dictionary';
import { clip, dayOfTime, DisplayLimit } from './display';
import { RichText } from './RichText';

function StepItem({ step, lang }: { step: PublicStep; lang: Lang }) {
  const t = DICTIONARY[lang];
  const kind = step.meeting ? pick(LABELS.meetingKind[step.meeting.kind], lang) : null;
  const title = step.meeting ? clip(step.meeting.title, DisplayLimit.title) : '';
  // The title often just repeats the kind (支委会 · 支委会): say it once.
  const meeting = kind === null ? null : title.trim() === '' || title === kind ? kind : `${kind} · ${title}`;
  return (
    <li>
      <strong>{pick(LABELS.matterStep[step.step], lang)}</strong> · <time datetime={step.date}>{step.date}</time>
      {meeting ? <> · {meeting}</> : null}
      {step.due !== null || step.present !== null ? <div>{t.attendance(step.present, step.due)}</div> : null}
      {step.votes ? <div>{t.votes(step.votes.for, step.votes.against, step.votes.abstain)}</div> : null}
      <div>
        <span class={step.passed ? 'verdict-pass' : 'verdict-fail'}>{step.passed ? t.passed : t.failed}</span>
        {(() => {
          const why = clip(pick(step.explanation, lang), DisplayLimit.text);
          return why.trim() !== '' ? (
            <>
              {t.colon}
              {why}
            </>
          ) : null;
        })()}
      </div>
      {step.warning ? (
        // e.g. attendance was not recorded, so the tally was never checked against it.
        <div class="step-warning" role="note">
          <strong>{t.stepWarning}</strong>
          {t.colon}
          {clip(pick(step.warning, lang), DisplayLimit.text)}
        </div>
      ) : null}
    </li>
  );
}

const stepOrder = (s: PublicStep): number => MATTER_STEPS.indexOf(s.step);

/** One matter's 决议公开 and 实施结果公开, with every 4+2 step's date, attendance and tally. */
export function DisclosureArticle({ disclosure, lang, anchorId, timeZone }: { disclosure: PublicDisclosure; lang: Lang; anchorId: string | null; timeZone: string }) {
  const t = DICTIONARY[lang];
  const { resolution, result } = disclosure;
  const titleId = anchorId ? `${anchorId}-title` : undefined;
  const steps = resolution ? [...resolution.steps].sort((a, b) => stepOrder(a) - stepOrder(b)) : [];
  return (
    <article class="card" id={anchorId ?? undefined} aria-labelledby={titleId}>
      <h3 id={titleId}>{clip(disclosure.title, DisplayLimit.title)}</h3>
      {resolution ? (
        <>
          <dl class="facts">
            <dt>{t.decidedOn}</dt>
            <dd>
              <time datetime={resolution.decidedOn}>{resolution.decidedOn}</time>
            </dd>
            <dt>{t.publishedOn}</dt>
            <dd>{resolution.publishedOn ?? dayOfTime(resolution.publishedAt, timeZone)}</dd>
          </dl>
          <h4>{t.summary}</h4>
          <RichText value={resolution.summary} cutNote={t.truncated} />
          <h4>{t.decision}</h4>
          <RichText value={resolution.decision} cutNote={t.truncated} />
          {steps.length > 0 ? (
            <>
              <h4>{t.steps}</h4>
              <ol class="steps">
                {steps.map((step) => (
                  <StepItem step={step} lang={lang} />
                ))}
              </ol>
            </>
          ) : null}
        </>
      ) : null}
      <h4>{t.result}</h4>
      {result ? (
        <>
          <dl class="facts">
            <dt>{t.completedOn}</dt>
            <dd>
              <time datetime={result.completedOn}>{result.completedOn}</time>
            </dd>
            <dt>{t.publishedOn}</dt>
            <dd>{result.publishedOn ?? dayOfTime(result.publishedAt, timeZone)}</dd>
          </dl>
          <RichText value={result.text} cutNote={t.truncated} />
        </>
      ) : (
        <p class="muted">{t.resultPending}</p>
      )}
    </article>
  );
}

// What became of a concern the community escalated to its township: its state there, the
// assignment (交办) with its deadline and the 督办 flag, the outcome, and the township's actions.
import { Descriptions, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { CaseState, isOverdue, type CaseAction, type EscalatedCase, type IsoDate } from '@lianxin/model';
import { useDates } from '../../state/useDates';

// The app's stylesheet darkens these preset colours to pass contrast (as the desk's tags).
const COLOR: Record<CaseState, string> = { waiting: 'warning', accepted: 'processing', assigned: 'processing', resolved: 'success', handedBack: 'default' };

/** On a concern's card: the township's state, and 督办 when an assignment is past its deadline. */
export function TownshipCaseTags({ c, today }: { c: EscalatedCase; today: IsoDate }) {
  const { t } = useTranslation();
  const late = isOverdue(c, today);
  return (
    <>
      <Tag color={COLOR[c.state]} data-testid="township-state" data-state={c.state}>
        {t('tier.atTownship')} · {t(`region.state.${c.state}`)}
      </Tag>
      {late ? (
        <Tag color="error" title={t('tier.overdueHelp')} data-testid="township-overdue">
          {t('tier.overdue')}
        </Tag>
      ) : null}
    </>
  );
}

function ActionLine({ action: a }: { action: CaseAction }) {
  const { t } = useTranslation();
  const dates = useDates();
  const what =
    a.type === 'assign'
      ? t('region.case.action.assign', { by: a.by, to: a.to.kind === 'community' ? t('tier.toCommunity') : a.to.name, deadline: a.deadline })
      : t(`region.case.action.${a.type}`, { by: a.by });
  const note = a.type === 'handBack' ? a.reason : 'note' in a ? a.note : a.type === 'discussed' ? a.decision : null;
  return (
    <div>
      <div>
        {dates.dateTime(a.at)} · {what}
      </div>
      {note ? (
        <Typography.Paragraph type="secondary" className="lx-text" style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
          {note}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

/** In a concern's drawer: the case at the township in full. */
export function TownshipCaseSection({ c, today }: { c: EscalatedCase; today: IsoDate }) {
  const { t } = useTranslation();
  const late = isOverdue(c, today);
  const handBack = c.state === CaseState.handedBack ? [...c.actions].reverse().find((a) => a.type === 'handBack') : undefined;
  const township = c.actions.filter((a) => a.side === 'township');
  return (
    <section aria-labelledby="township-case-title" data-testid="township-case" data-state={c.state} data-overdue={late ? 'true' : 'false'} style={{ marginBottom: 12 }}>
      <Typography.Title level={5} id="township-case-title">
        {t('tier.section')}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('tier.state')}>
          <TownshipCaseTags c={c} today={today} />
        </Descriptions.Item>
        {c.assignment ? (
          <>
            <Descriptions.Item label={t('tier.assignedTo')}>
              <span data-testid="township-assignee">{c.assignment.to.kind === 'community' ? t('tier.toCommunity') : c.assignment.to.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('tier.deadline')}>
              <span data-testid="township-deadline">{c.assignment.deadline}</span>
            </Descriptions.Item>
          </>
        ) : null}
        {c.state === CaseState.resolved && c.resolvedBy ? <Descriptions.Item label={t('tier.state')}>{t(`tier.resolvedBy.${c.resolvedBy}`)}</Descriptions.Item> : null}
        {handBack && handBack.type === 'handBack' ? (
          <Descriptions.Item label={t('tier.handedBackReason')}>
            <span className="lx-text">{handBack.reason}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
        {t('tier.actions')}
      </Typography.Text>
      {township.length === 0 ? <Typography.Text type="secondary">{t('tier.noActions')}</Typography.Text> : <Timeline data-testid="township-actions" items={township.map((a) => ({ key: a.id, content: <ActionLine action={a} /> }))} />}
    </section>
  );
}

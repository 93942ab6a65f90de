// The texts the disclosures publish: the decision (决议) and the implementation result.
import { useEffect, useState } from 'react';
import { Button, Card, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from '../../i18n/useTranslation';
import type { Matter } from '@lianxin/model';
import { useMeetingActions } from '../../state/useMeetingActions';

export function MatterTexts({ matter, editable }: { matter: Matter; editable: boolean }) {
  const { t } = useTranslation();
  const actions = useMeetingActions();
  const [decision, setDecision] = useState(matter.decision);
  const [result, setResult] = useState(matter.resultText);
  const [completedOn, setCompletedOn] = useState<string | null>(matter.completedOn);
  // Another committee member may write these too: follow their edits while not typing here.
  useEffect(() => setDecision(matter.decision), [matter.decision]);
  useEffect(() => setResult(matter.resultText), [matter.resultText]);
  useEffect(() => setCompletedOn(matter.completedOn), [matter.completedOn]);
  const dirty = decision !== matter.decision || result !== matter.resultText || completedOn !== matter.completedOn;
  return (
    <Card size="small" title={t('meetings.texts')}>
      <Form layout="vertical" disabled={!editable}>
        <Form.Item label={t('meetings.decision')} extra={t('meetings.decisionHelp')}>
          <Input.TextArea rows={3} value={decision} onChange={(e) => setDecision(e.target.value)} data-testid="matter-decision" />
        </Form.Item>
        <Form.Item label={t('meetings.result')}>
          <Input.TextArea rows={3} value={result} onChange={(e) => setResult(e.target.value)} data-testid="matter-result" />
        </Form.Item>
        <Form.Item label={t('meetings.completedOn')}>
          <DatePicker value={completedOn ? dayjs(completedOn) : null} onChange={(d) => setCompletedOn(d ? d.format('YYYY-MM-DD') : null)} data-testid="matter-completed" />
        </Form.Item>
        {editable ? (
          <Button
            type="primary"
            disabled={!dirty}
            data-testid="matter-texts-save"
            onClick={() => actions.editMatter(matter.id, { decision, resultText: result, completedOn })}
          >
            {t('app.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

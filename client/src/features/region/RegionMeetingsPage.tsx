// The township's meetings on concerns (问题会诊会, 交办会): the cases discussed and the decisions.
// Recording one also marks each case discussed, so the case links back to it.
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { isOnDesk } from '@lianxin/model';
import { useDeskCases } from '../../state/region/useDesk';
import { useRegionToday } from '../../state/region/useRegion';
import { useRegionActions, useRegionView } from '../../state/region/useRegionRecords';

interface Values {
  kind: 'consultation' | 'assignment';
  title: string;
  date: string;
  concerns: string[];
  decisions: string;
}

export default function RegionMeetingsPage() {
  const { t } = useTranslation();
  const view = useRegionView();
  const cases = useDeskCases();
  const today = useRegionToday();
  const { recordMeeting } = useRegionActions();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const { hash } = useLocation();
  const meetings = [...view.meetings.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.at - a.at));
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);

  const caseKey = (communityId: string, caseId: string) => `${communityId}/${caseId}`;
  const submit = (v: Values) => {
    const concerns = v.concerns.flatMap((key) => {
      const c = cases.find((d) => caseKey(d.communityId, d.case.id) === key);
      return c ? [{ communityId: c.communityId, caseId: c.case.id, title: c.case.title }] : [];
    });
    if (recordMeeting({ kind: v.kind, title: v.title.trim(), date: v.date, concerns, decisions: v.decisions.trim() }).type === 'done') {
      form.resetFields();
      setAdding(false);
    }
  };

  return (
    <div data-testid="region-meetings-page">
      <Typography.Title level={2} className="lx-page-title">
        {t('region.meetings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('region.meetings.intro')}</Typography.Paragraph>
      {!adding ? (
        <Button type="primary" onClick={() => setAdding(true)} data-testid="meeting-add" style={{ marginBottom: 12 }}>
          {t('region.meetings.record')}
        </Button>
      ) : (
        <Card style={{ marginBottom: 12 }}>
          <Form form={form} layout="vertical" data-testid="meeting-form" initialValues={{ kind: 'consultation', date: today, concerns: [] }} onFinish={submit}>
            <Form.Item name="kind" label={t('region.meetings.kind')}>
              <Select
                options={[
                  { value: 'consultation', label: t('region.meetings.kinds.consultation') },
                  { value: 'assignment', label: t('region.meetings.kinds.assignment') },
                ]}
              />
            </Form.Item>
            <Form.Item name="title" label={t('region.meetings.name')} rules={[{ required: true, whitespace: true, message: t('region.meetings.nameRequired') }, { max: 200 }]}>
              <Input data-testid="meeting-title" />
            </Form.Item>
            <Form.Item name="date" label={t('region.meetings.date')} rules={[{ required: true, message: t('region.meetings.dateRequired') }]}>
              <Input type="date" data-testid="meeting-date" />
            </Form.Item>
            <Form.Item name="concerns" label={t('region.meetings.concerns')} rules={[{ required: true, type: 'array', min: 1, message: t('region.meetings.concernsRequired') }]}>
              <Select
                mode="multiple"
                data-testid="meeting-concerns"
                optionFilterProp="label"
                options={cases.filter((c) => isOnDesk(c.case)).map((c) => ({ value: caseKey(c.communityId, c.case.id), label: `${c.communityName} · ${c.case.title}` }))}
              />
            </Form.Item>
            <Form.Item name="decisions" label={t('region.meetings.decisions')} rules={[{ required: true, whitespace: true, message: t('region.meetings.decisionsRequired') }, { max: 2000 }]}>
              <Input.TextArea rows={3} data-testid="meeting-decisions" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="meeting-submit">
                {t('app.save')}
              </Button>
              <Button onClick={() => setAdding(false)}>{t('app.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
      {meetings.length === 0 ? <Empty description={t('region.meetings.empty')} /> : null}
      {meetings.map((m) => (
        <Card key={m.id} id={`m-${m.id}`} size="small" style={{ marginBottom: 12 }} data-testid="region-meeting" title={m.title} extra={<Tag>{t(`region.meetings.kinds.${m.kind}`)}</Tag>}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {m.date} · {t('region.meetings.by', { name: m.by })}
          </Typography.Paragraph>
          <Typography.Text strong>{t('region.meetings.discussed')}</Typography.Text>
          <ul>
            {m.concerns.map((c) => (
              <li key={`${c.communityId}/${c.caseId}`}>
                {cases.find((d) => d.communityId === c.communityId)?.communityName ?? c.communityId} · {c.title}
              </li>
            ))}
          </ul>
          <Typography.Text strong>{t('region.meetings.decisions')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.decisions}</Typography.Paragraph>
        </Card>
      ))}
    </div>
  );
}

// 干部联系党员: township cadres paired with members of its communities, their contacts, and the
// pairings below the agreed cadence (default twice a month).
import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Button, Card, Empty, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { pairingCadence, type Pairing } from '@lianxin/model';
import { useCommunityMembers } from '../../state/region/useCommunityMembers';
import { useRegionClient, useRegionDirectory, useRegionToday } from '../../state/region/useRegion';
import { useRegionActions, useRegionView } from '../../state/region/useRegionRecords';

export default function PairingsPage() {
  const { t } = useTranslation();
  const view = useRegionView();
  const directory = useRegionDirectory();
  const today = useRegionToday();
  const [adding, setAdding] = useState(false);
  const pairings = [...view.pairings.values()].filter((p) => p.ended === null).sort((a, b) => a.cadre.localeCompare(b.cadre) || a.memberName.localeCompare(b.memberName));
  const nameOf = (id: string) => directory?.communities.find((c) => c.id === id)?.name ?? id;
  return (
    <div data-testid="pairings-page">
      <Typography.Title level={2} className="lx-page-title">
        {t('region.pairings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('region.pairings.intro', { count: 2 })}</Typography.Paragraph>
      {!adding ? (
        <Button type="primary" onClick={() => setAdding(true)} data-testid="pairing-add" style={{ marginBottom: 12 }}>
          {t('region.pairings.add')}
        </Button>
      ) : (
        <PairForm onDone={() => setAdding(false)} />
      )}
      {pairings.length === 0 ? <Empty description={t('region.pairings.empty')} /> : null}
      {pairings.map((p) => (
        <PairingCard key={p.id} pairing={p} communityName={nameOf(p.communityId)} today={today} />
      ))}
    </div>
  );
}

function PairForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { account } = useRegionClient();
  const directory = useRegionDirectory();
  const today = useRegionToday();
  const { pair } = useRegionActions();
  const [form] = Form.useForm<{ cadre: string; communityId: string; memberId: string; since: string; perMonth: number }>();
  const communityId = Form.useWatch('communityId', form) ?? null;
  // The community's summary (its member list) is opened only now, for the community chosen.
  const members = useCommunityMembers(communityId);
  return (
    <Card style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        data-testid="pairing-form"
        initialValues={{ cadre: account.name, since: today, perMonth: 2 }}
        onFinish={(v) => {
          const member = members?.find((m) => m.id === v.memberId);
          if (!member) return;
          if (pair({ cadre: v.cadre.trim(), communityId: v.communityId, memberId: member.id, memberName: member.name, since: v.since, perMonth: v.perMonth }).type === 'done') onDone();
        }}
      >
        <Form.Item name="cadre" label={t('region.pairings.cadre')} rules={[{ required: true, whitespace: true, message: t('region.pairings.cadreRequired') }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="communityId" label={t('region.pairings.community')} rules={[{ required: true, message: t('region.pairings.communityRequired') }]}>
          <Select data-testid="pairing-community" options={(directory?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue('memberId', undefined)} />
        </Form.Item>
        <Form.Item
          name="memberId"
          label={t('region.pairings.member')}
          rules={[{ required: true, message: t('region.pairings.memberRequired') }]}
          extra={communityId && members === null ? t('region.pairings.membersLoading') : communityId && members?.length === 0 ? t('region.pairings.noMembers') : undefined}
        >
          <Select data-testid="pairing-member" showSearch optionFilterProp="label" disabled={!members?.length} options={(members ?? []).map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="since" label={t('region.pairings.since')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="perMonth" label={t('region.pairings.perMonth')}>
          <InputNumber min={1} max={31} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="pairing-submit">
            {t('app.save')}
          </Button>
          <Button onClick={onDone}>{t('app.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function PairingCard({ pairing: p, communityName, today }: { pairing: Pairing; communityName: string; today: string }) {
  const { t } = useTranslation();
  const { contact } = useRegionActions();
  const [logging, setLogging] = useState(false);
  const cadence = pairingCadence(p, today);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="pairing"
      data-below={cadence.below ? 'true' : 'false'}
      title={`${p.cadre} — ${p.memberName}`}
      extra={cadence.below ? <Tag color="error">{t('region.pairings.below')}</Tag> : null}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {communityName} · {t('region.pairings.since')} {p.since} · {t('region.pairings.lastThirtyDays', { count: cadence.lastThirtyDays })} / {p.perMonth}
      </Typography.Paragraph>
      <Typography.Text strong>{t('region.pairings.contacts')}</Typography.Text>
      {p.contacts.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('region.pairings.noContacts')}</Typography.Paragraph>
      ) : (
        <ul>
          {p.contacts.slice(0, 5).map((c) => (
            <li key={c.id}>
              {c.date} · {t(`region.pairings.contactKinds.${c.kind}`)}
              {c.note ? ` · ${c.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {logging ? (
        <Form
          layout="inline"
          initialValues={{ date: today, kind: 'visit' }}
          onFinish={(v: { date: string; kind: 'visit' | 'call' | 'talk' | 'message'; note?: string }) => {
            if (contact({ pairingId: p.id, date: v.date, kind: v.kind, note: v.note?.trim() ?? '' }).type === 'done') setLogging(false);
          }}
        >
          <Form.Item name="date" label={t('region.pairings.contactDate')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="kind" label={t('region.pairings.contactKind')}>
            <Select style={{ minWidth: 90 }} options={(['visit', 'call', 'talk', 'message'] as const).map((k) => ({ value: k, label: t(`region.pairings.contactKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('region.pairings.contactNote')}>
            <Input maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('app.save')}
          </Button>
        </Form>
      ) : (
        <Button onClick={() => setLogging(true)}>{t('region.pairings.logContact')}</Button>
      )}
    </Card>
  );
}

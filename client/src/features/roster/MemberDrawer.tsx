// A member's profile form: category, the eight duty roles, posts, pledge, consent, capacity.
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { Button, Checkbox, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Switch } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { BranchPost, Consent, DutyRole, LABELS, MemberCategory, ResidentsPost, type MemberId, type RosterView } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { useRosterActions } from '../../state/useRosterActions';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { placeSearch } from '../../state/placeSearch';

export type MemberDrawerTarget = { type: 'new' } | { type: 'existing'; id: MemberId } | null;

interface MemberForm {
  name: string;
  phone: string;
  category: MemberCategory;
  duties: DutyRole[];
  groupId: string | null;
  branchPost: BranchPost | null;
  residentsPost: ResidentsPost | null;
  representative: boolean;
  householdId: string | null;
  pledge: string;
  consent: Consent;
  capacity: number | null;
  active: boolean;
}

export function MemberDrawer({ roster, target, editable, onClose }: { roster: RosterView; target: MemberDrawerTarget; editable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const labels = usePlaceLabels();
  const { communityId } = useSession();
  const actions = useRosterActions();
  const [form] = Form.useForm<MemberForm>();
  const member = target?.type === 'existing' ? (roster.members.get(target.id) ?? null) : null;
  const open = target !== null;
  // 3,600 labelled options: made when the drawer opens, not on every render of the roster page.
  const householdOptions = useMemo(
    () => (open ? rosterIndex(roster).households.map((h) => ({ value: h.id, label: `${labels.household(roster, h)} ${h.head}` })) : []),
    [open, roster, labels],
  );

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (member) {
      form.setFieldsValue({
        ...member,
        phone: member.phone ?? '',
        pledge: member.pledge ?? '',
        duties: [...member.duties],
      });
    } else {
      form.setFieldsValue({ category: MemberCategory.retired, duties: [], representative: false, consent: Consent.name, active: true, capacity: null });
    }
  }, [target, member?.id]);

  function save(v: MemberForm) {
    const input = {
      name: v.name,
      phone: v.phone?.trim() ? v.phone.trim() : null,
      category: v.category,
      duties: v.duties,
      groupId: v.groupId ?? null,
      branchPost: v.branchPost ?? null,
      residentsPost: v.residentsPost ?? null,
      representative: v.representative,
      householdId: v.householdId ?? null,
      pledge: v.pledge?.trim() ? v.pledge.trim() : null,
      consent: v.consent,
      capacity: v.capacity ?? null,
      active: v.active,
    };
    const result = member ? actions.editMember(member.id, input) : actions.addMember(input);
    if (result.type === 'done') onClose();
  }

  return (
    <Drawer open={target !== null} onClose={onClose} title={<span className="lx-clip">{member ? member.name : t('roster.addMember')}</span>} size={480} destroyOnHidden>
      {member ? (
        <p>
          <Link to={`/c/${communityId}/members/${member.id}`} data-testid="member-profile-link">
            {t('roster.profile')}
          </Link>
        </p>
      ) : null}
      <Form<MemberForm> form={form} layout="vertical" onFinish={save} disabled={!editable} data-testid="member-form">
        <Form.Item name="name" label={t('roster.memberName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="member-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('roster.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="category" label={t('roster.category')}>
          <Select options={Object.values(MemberCategory).map((c) => ({ value: c, label: text(LABELS.memberCategory[c]) }))} />
        </Form.Item>
        <Form.Item name="duties" label={t('roster.duties')}>
          <Checkbox.Group options={Object.values(DutyRole).map((d) => ({ value: d, label: text(LABELS.dutyRole[d]) }))} />
        </Form.Item>
        <Form.Item name="groupId" label={t('roster.group')}>
          <Select allowClear options={[...roster.groups.values()].map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item name="branchPost" label={t('roster.branchPost')}>
          <Select allowClear options={Object.values(BranchPost).map((p) => ({ value: p, label: text(LABELS.branchPost[p]) }))} />
        </Form.Item>
        <Form.Item name="residentsPost" label={t('roster.residentsPost')}>
          <Select allowClear options={Object.values(ResidentsPost).map((p) => ({ value: p, label: text(LABELS.residentsPost[p]) }))} />
        </Form.Item>
        <Form.Item name="representative" label={t('roster.representative')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="householdId" label={t('roster.ownHome')}>
          <Select
            allowClear
            showSearch={placeSearch}
            options={householdOptions}
            virtual
          />
        </Form.Item>
        <Form.Item name="pledge" label={t('roster.pledge')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="consent" label={t('roster.consent')} extra={t('roster.consentHelp')}>
          <Select options={Object.values(Consent).map((c) => ({ value: c, label: text(LABELS.consent[c]) }))} />
        </Form.Item>
        <Form.Item name="capacity" label={t('roster.capacity')} extra={t('roster.capacityHelp', { max: roster.settings.linkMax })}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="active" label={t('roster.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {editable ? (
          <Space>
            <Button type="primary" htmlType="submit" data-testid="member-save">
              {t('app.save')}
            </Button>
            {member ? (
              <Popconfirm title={t('roster.removeMemberConfirm')} onConfirm={() => actions.removeMember(member.id).type === 'done' && onClose()}>
                <Button danger>{t('app.delete')}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null}
      </Form>
    </Drawer>
  );
}

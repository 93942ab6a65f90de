// One household: details for everyone who may read the roster, a form for the committee.
import { useEffect, useMemo } from 'react';
import { Button, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Tag } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { Consent, HouseholdRole, LABELS, type BuildingId, type Household, type HouseholdId, type MemberId, type RosterView, type UnitId } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { useRosterActions } from '../../state/useRosterActions';
import { useText } from '../../state/useText';
import { placeSearch } from '../../state/placeSearch';
import { LinkMemberSelect } from './LinkMemberSelect';

interface HouseholdForm {
  buildingId: string;
  unitId: string | null;
  room: string;
  head: string;
  phone: string;
  size: number;
  roles: HouseholdRole[];
  representative: boolean;
  consent: Consent;
  memberId: string | null;
}

export type HouseholdDrawerTarget = { type: 'new'; buildingId?: string; unitId?: string } | { type: 'existing'; id: HouseholdId } | null;

export function HouseholdDrawer({ roster, target, editable, onClose }: { roster: RosterView; target: HouseholdDrawerTarget; editable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const labels = usePlaceLabels();
  const actions = useRosterActions();
  const [form] = Form.useForm<HouseholdForm>();
  const household: Household | null = target?.type === 'existing' ? (roster.households.get(target.id) ?? null) : null;
  const buildingId = Form.useWatch('buildingId', form);
  const index = rosterIndex(roster);
  const open = target !== null;
  // Made when the drawer opens, not on every render of the roster page.
  const buildingOptions = useMemo(
    () => (open ? index.grids.flatMap((g) => (index.buildingsByGrid.get(g.id) ?? []).map((b) => ({ value: b.id, label: `${g.name} · ${labels.building(b)}` }))) : []),
    [open, index, labels],
  );

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (household) {
      form.setFieldsValue({
        buildingId: household.buildingId,
        unitId: household.unitId,
        room: household.room,
        head: household.head,
        phone: household.phone ?? '',
        size: household.size,
        roles: [...household.roles],
        representative: household.representative,
        consent: household.consent,
        memberId: household.memberId,
      });
    } else if (target.type === 'new') {
      form.setFieldsValue({ buildingId: target.buildingId, unitId: target.unitId ?? null, size: 1, roles: [], representative: false, consent: Consent.none, memberId: null });
    }
    // Re-fill only when another household is opened, not on every remote change.
  }, [target, household?.id]);

  function save(values: HouseholdForm) {
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    if (!household) {
      const result = actions.addHousehold({
        buildingId: values.buildingId,
        unitId: values.unitId,
        room: values.room,
        head: values.head,
        phone,
        size: values.size,
        roles: values.roles,
        representative: values.representative,
        consent: values.consent,
        memberId: (values.memberId as MemberId | null) ?? null,
      });
      if (result.type === 'done') onClose();
      return;
    }
    let ok = true;
    if (values.buildingId !== household.buildingId || (values.unitId ?? null) !== household.unitId) {
      ok = actions.moveHousehold(household.id, { buildingId: values.buildingId as BuildingId, unitId: (values.unitId as UnitId | null) ?? null }).type === 'done';
    }
    if (!ok) return;
    const edited = actions.editHousehold(household.id, {
      room: values.room,
      head: values.head,
      phone,
      size: values.size,
      roles: values.roles,
      representative: values.representative,
      consent: values.consent,
    });
    if (edited.type !== 'done') return;
    if ((values.memberId ?? null) !== household.memberId) {
      if (actions.linkHousehold(household.id, (values.memberId as MemberId | null) ?? null).type !== 'done') return;
    }
    onClose();
  }

  const title = household ? labels.household(roster, household) : t('roster.newHousehold');
  const units = buildingId ? (index.unitsByBuilding.get(buildingId as BuildingId) ?? []) : [];

  return (
    <Drawer open={target !== null} onClose={onClose} title={<span className="lx-clip">{title}</span>} size={480} destroyOnHidden data-testid="household-drawer">
      {!editable && household ? (
        <Descriptions column={1} size="small" bordered data-testid="household-details">
          <Descriptions.Item label={t('roster.address')}>{labels.household(roster, household)}</Descriptions.Item>
          <Descriptions.Item label={t('roster.head')}>
            <span className="lx-text">{household.head}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('roster.phone')}>{household.phone ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('roster.size')}>{household.size}</Descriptions.Item>
          <Descriptions.Item label={t('roster.roles')}>
            {household.roles.map((r) => (
              <Tag key={r}>{text(LABELS.householdRole[r])}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('roster.linkedMember')}>{household.memberId ? (roster.members.get(household.memberId)?.name ?? '') : t('roster.unlinked')}</Descriptions.Item>
          <Descriptions.Item label={t('roster.representative')}>{household.representative ? t('app.yes') : t('app.no')}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Form<HouseholdForm> form={form} layout="vertical" onFinish={save} data-testid="household-form" disabled={!editable}>
          <Form.Item name="buildingId" label={t('roster.building')} rules={[{ required: true }]}>
            <Select
              showSearch={placeSearch}
              options={buildingOptions}
              onChange={() => form.setFieldValue('unitId', null)}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('roster.unit')}>
            <Select allowClear options={units.map((u) => ({ value: u.id, label: labels.unit(u) }))} />
          </Form.Item>
          <Form.Item name="room" label={t('roster.room')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input data-testid="household-room" />
          </Form.Item>
          <Form.Item name="head" label={t('roster.head')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input data-testid="household-head" />
          </Form.Item>
          <Form.Item name="phone" label={t('roster.phone')}>
            <Input inputMode="tel" data-testid="household-phone" />
          </Form.Item>
          <Form.Item name="size" label={t('roster.size')}>
            <InputNumber min={0} max={99} />
          </Form.Item>
          <Form.Item name="roles" label={t('roster.roles')}>
            <Checkbox.Group options={Object.values(HouseholdRole).map((r) => ({ value: r, label: text(LABELS.householdRole[r]) }))} />
          </Form.Item>
          <Form.Item name="representative" label={t('roster.representative')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="consent" label={t('roster.consent')} extra={t('roster.consentHelp')}>
            <Select options={Object.values(Consent).map((c) => ({ value: c, label: text(LABELS.consent[c]) }))} />
          </Form.Item>
          <Form.Item name="memberId" label={t('roster.linkedMember')}>
            <LinkMemberSelect roster={roster} householdId={household?.id ?? null} />
          </Form.Item>
          {editable ? (
            <Space>
              <Button type="primary" htmlType="submit" data-testid="household-save">
                {t('app.save')}
              </Button>
              {household ? (
                <Popconfirm title={t('roster.removeHouseholdConfirm')} onConfirm={() => actions.removeHousehold(household.id).type === 'done' && onClose()}>
                  <Button danger>{t('app.delete')}</Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null}
        </Form>
      )}
    </Drawer>
  );
}

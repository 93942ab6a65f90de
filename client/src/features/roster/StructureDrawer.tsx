// Grids and buildings: add, rename, set the grid leader or the building's cadre (干部联片).
import { useEffect } from 'react';
import { Button, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import type { BuildingId, GridId, MemberId, RosterView } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { useRosterActions } from '../../state/useRosterActions';

export type StructureTarget = { type: 'grid'; id?: string } | { type: 'building'; id?: string; gridId?: string } | null;

interface StructureForm {
  name: string;
  order: number;
  leaderId: string | null;
  gridId: string;
  number: string;
  buildingName: string;
  compound: string;
  cadreId: string | null;
  units: string;
}

export function StructureDrawer({ roster, target, onClose }: { roster: RosterView; target: StructureTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useRosterActions();
  const [form] = Form.useForm<StructureForm>();
  const index = rosterIndex(roster);
  const grid = target?.type === 'grid' && target.id ? roster.grids.get(target.id as GridId) : undefined;
  const building = target?.type === 'building' && target.id ? roster.buildings.get(target.id as BuildingId) : undefined;
  const memberOptions = index.members.map((m) => ({ value: m.id, label: m.name }));

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (grid) form.setFieldsValue({ name: grid.name, order: grid.order, leaderId: grid.leaderId });
    else if (building) form.setFieldsValue({ gridId: building.gridId, number: building.number, buildingName: building.name ?? '', compound: building.compound ?? '', cadreId: building.cadreId });
    else if (target.type === 'grid') form.setFieldsValue({ order: index.grids.length + 1 });
    else form.setFieldsValue({ gridId: target.gridId, units: '1,2,3' });
  }, [target]);

  function save(v: StructureForm) {
    if (!target) return;
    let ok: boolean;
    if (target.type === 'grid') {
      const input = { name: v.name, order: v.order, leaderId: (v.leaderId as MemberId | null) ?? null };
      ok = (grid ? actions.editGrid(grid.id, input) : actions.addGrid(input)).type === 'done';
    } else {
      const base = { gridId: v.gridId as GridId, number: v.number, name: v.buildingName?.trim() || null, compound: v.compound?.trim() || null, cadreId: (v.cadreId as MemberId | null) ?? null };
      if (building) ok = actions.editBuilding(building.id, base).type === 'done';
      else {
        const units = (v.units ?? '')
          .split(/[,,\s]+/)
          .map((s) => s.trim())
          .filter(Boolean);
        ok = actions.addBuilding({ ...base, units }).type === 'done';
      }
    }
    if (ok) onClose();
  }

  const title = target?.type === 'grid' ? (grid ? grid.name : t('roster.addGrid')) : building ? building.number : t('roster.addBuilding');
  return (
    <Drawer open={target !== null} onClose={onClose} title={<span className="lx-clip">{title}</span>} size={420} destroyOnHidden>
      <Form<StructureForm> form={form} layout="vertical" onFinish={save} data-testid="structure-form">
        {target?.type === 'grid' ? (
          <>
            <Form.Item name="name" label={t('roster.gridName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input data-testid="grid-name" />
            </Form.Item>
            <Form.Item name="order" label={t('roster.order')}>
              <InputNumber min={0} max={10000} />
            </Form.Item>
            <Form.Item name="leaderId" label={t('roster.gridLeader')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={memberOptions} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="gridId" label={t('roster.grid')} rules={[{ required: true }]}>
              <Select options={index.grids.map((g) => ({ value: g.id, label: g.name }))} data-testid="building-grid" />
            </Form.Item>
            <Form.Item name="number" label={t('roster.buildingNumber')} rules={[{ required: true, whitespace: true, max: 50 }]}>
              <Input data-testid="building-number" />
            </Form.Item>
            <Form.Item name="buildingName" label={t('roster.buildingName')}>
              <Input />
            </Form.Item>
            <Form.Item name="compound" label={t('roster.compound')}>
              <Input />
            </Form.Item>
            <Form.Item name="cadreId" label={t('roster.cadre')} extra={t('roster.cadreHelp')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={memberOptions} />
            </Form.Item>
            {building ? null : (
              <Form.Item name="units" label={t('roster.unitsToCreate')} extra={t('roster.unitsToCreateHelp')}>
                <Input data-testid="building-units" />
              </Form.Item>
            )}
          </>
        )}
        <Space>
          <Button type="primary" htmlType="submit" data-testid="structure-save">
            {t('app.save')}
          </Button>
          {grid || building ? (
            <Popconfirm
              title={t('roster.removeConfirm')}
              onConfirm={() => {
                const r = grid ? actions.removeGrid(grid.id) : building ? actions.removeBuilding(building.id) : null;
                if (r?.type === 'done') onClose();
              }}
            >
              <Button danger>{t('app.delete')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Form>
    </Drawer>
  );
}

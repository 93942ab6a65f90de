// Import households (and a workbook's members sheet) from CSV or XLSX: a preview of every row
// before anything is written. Notes that repeat are said once; rows with errors come first and
// show their own cells, so the one broken row is not buried under 199 fine ones.
import { Alert, Button, Modal, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import type { ImportPreview, ImportRow, MemberImportRow } from '@lianxin/model';
import { useRosterImport } from '../../state/useRosterImport';
import { useText } from '../../state/useText';

const STATUS_COLOR = { new: 'green', update: 'blue', unchanged: 'default', error: 'red' } as const;

/** Errors first, then the file's order. */
const errorsFirst = <T extends { status: string; row: number }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.status === 'error' ? 0 : 1) - (b.status === 'error' ? 0 : 1) || a.row - b.row);

/** 58号楼 3单元 901 from what the row says, even when it could not be read. */
function addressOf(r: ImportRow): string {
  if (r.data) return `${r.data.building} ${r.data.unit ?? ''} ${r.data.room}`;
  return [r.cells.building, r.cells.unit, r.cells.room].filter(Boolean).join(' ');
}

/** The offending cells as “联系电话:见备注”, with the sheet's own header. */
function badCells(preview: ImportPreview, r: ImportRow): string {
  return r.badColumns.map((k) => `${preview.columns.find((c) => c.key === k)?.header ?? k}:${r.cells[k] ?? ''}`).join(';');
}

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const { state, load, apply, reset } = useRosterImport();
  const close = () => {
    reset();
    onClose();
  };
  const preview = state.type === 'preview' ? state.preview : null;
  const importable = preview ? preview.counts.new + preview.counts.update : 0;
  const members = preview?.members ?? null;
  const importableMembers = members ? members.counts.new + members.counts.update : 0;
  return (
    <Modal
      open={open}
      title={t('roster.import')}
      onCancel={close}
      width={960}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('app.cancel')}</Button>
          <Button type="primary" disabled={!preview?.ok || importable + importableMembers === 0} onClick={() => apply() && close()} data-testid="import-apply">
            {members ? t('roster.importApplyWithMembers', { count: importable, members: importableMembers }) : t('roster.importApply', { count: importable })}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('roster.importHelp')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,.xlsx,.txt"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void load(file);
          return false;
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{state.type === 'idle' ? t('roster.importDrop') : state.name}</p>
      </Upload.Dragger>
      {state.type === 'unreadable' ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={t(`roster.importUnreadable.${state.reason}`)} /> : null}
      {preview ? (
        <div style={{ marginTop: 12 }} data-testid="import-preview">
          {preview.notes.map((n, i) => (
            <Alert key={i} type={preview.ok ? 'info' : 'error'} showIcon title={text(n)} style={{ marginBottom: 8 }} />
          ))}
          {[...preview.summary, ...(members?.summary ?? [])].map((g) => (
            <Alert key={`${g.level}${g.key}${g.rows[0]}`} type={g.level === 'error' ? 'error' : 'warning'} showIcon title={text(g.text)} style={{ marginBottom: 8 }} data-testid="import-summary" />
          ))}
          <Space wrap size="large" style={{ marginBottom: 8 }}>
            <Statistic title={t('roster.importNew')} value={preview.counts.new} />
            <Statistic title={t('roster.importUpdate')} value={preview.counts.update} />
            <Statistic title={t('roster.importUnchanged')} value={preview.counts.unchanged} />
            <Statistic title={t('roster.importErrors')} value={preview.counts.error} styles={{ content: { color: preview.counts.error ? '#cf1322' : undefined } }} />
          </Space>
          {preview.creates.buildings.length + preview.creates.grids.length + preview.creates.members.length > 0 ? (
            <Typography.Paragraph>
              {t('roster.importCreates', {
                grids: preview.creates.grids.length,
                buildings: preview.creates.buildings.length,
                units: preview.creates.units.length,
                members: preview.creates.members.length,
              })}
            </Typography.Paragraph>
          ) : null}
          {members ? (
            <div data-testid="import-members" style={{ marginBottom: 8 }}>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{t('roster.importMembers', { sheet: members.sheet, ...members.counts })}</Typography.Paragraph>
              {members.counts.error ? (
                <Table<MemberImportRow>
                  size="small"
                  rowKey="row"
                  pagination={false}
                  dataSource={members.rows.filter((r) => r.status === 'error')}
                  columns={[
                    { title: t('roster.importRow'), dataIndex: 'row', width: 70 },
                    { title: t('roster.importName'), key: 'name', width: 120, render: (_: unknown, r) => <span className="lx-clip">{r.cells.name ?? ''}</span> },
                    { title: t('roster.importProblems'), key: 'problems', render: (_: unknown, r) => <span className="lx-text">{r.errors.map((m) => text(m)).join(';')}</span> },
                  ]}
                />
              ) : null}
            </div>
          ) : null}
          <Table<ImportRow>
            size="small"
            virtual
            rowKey="row"
            dataSource={errorsFirst(preview.rows)}
            pagination={false}
            scroll={{ x: 800, y: 320 }}
            columns={[
              { title: t('roster.importRow'), dataIndex: 'row', width: 70 },
              { title: t('roster.importStatus'), dataIndex: 'status', width: 90, render: (s: ImportRow['status']) => <Tag color={STATUS_COLOR[s]}>{t(`roster.importStatusValue.${s}`)}</Tag> },
              {
                title: t('roster.address'),
                key: 'address',
                width: 200,
                render: (_: unknown, r) => <span className="lx-clip" style={{ maxWidth: 190 }}>{addressOf(r)}</span>,
              },
              { title: t('roster.head'), key: 'head', width: 120, render: (_: unknown, r) => <span className="lx-clip" style={{ maxWidth: 110 }}>{r.data?.head ?? r.cells.head ?? ''}</span> },
              {
                title: t('roster.importBadCells'),
                key: 'badCells',
                width: 180,
                render: (_: unknown, r) => (r.badColumns.length ? <span className="lx-clip" style={{ maxWidth: 170, color: '#cf1322' }} data-testid="import-bad-cells">{badCells(preview, r)}</span> : null),
              },
              {
                title: t('roster.importProblems'),
                key: 'problems',
                render: (_: unknown, r) => (
                  <span className="lx-text">
                    {r.errors.map((m) => text(m)).join(';')}
                    {r.changes.length ? ` ${t('roster.importChanges', { fields: r.changes.join(', ') })}` : ''}
                  </span>
                ),
              },
            ]}
          />
        </div>
      ) : null}
    </Modal>
  );
}

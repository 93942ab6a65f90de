// Import households from CSV or XLSX: a preview of every row (new, update, unchanged, error with
// the reason) before anything is written.
import { Alert, Button, Modal, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '@lianxin/model';
import { useRosterImport } from '../../state/useRosterImport';
import { useText } from '../../state/useText';

const STATUS_COLOR = { new: 'green', update: 'blue', unchanged: 'default', error: 'red' } as const;

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
          <Button type="primary" disabled={!preview?.ok || importable === 0} onClick={() => apply() && close()} data-testid="import-apply">
            {t('roster.importApply', { count: importable })}
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
          <Table<ImportRow>
            size="small"
            virtual
            rowKey="row"
            dataSource={[...preview.rows]}
            pagination={false}
            scroll={{ x: 800, y: 320 }}
            columns={[
              { title: t('roster.importRow'), dataIndex: 'row', width: 70 },
              { title: t('roster.importStatus'), dataIndex: 'status', width: 90, render: (s: ImportRow['status']) => <Tag color={STATUS_COLOR[s]}>{t(`roster.importStatusValue.${s}`)}</Tag> },
              {
                title: t('roster.address'),
                key: 'address',
                width: 200,
                render: (_: unknown, r) => <span className="lx-clip" style={{ maxWidth: 190 }}>{r.data ? `${r.data.building} ${r.data.unit ?? ''} ${r.data.room}` : ''}</span>,
              },
              { title: t('roster.head'), key: 'head', width: 120, render: (_: unknown, r) => <span className="lx-clip" style={{ maxWidth: 110 }}>{r.data?.head ?? ''}</span> },
              {
                title: t('roster.importProblems'),
                key: 'problems',
                render: (_: unknown, r) => (
                  <span className="lx-text">
                    {[...r.errors, ...r.warnings].map((m) => text(m)).join(';')}
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

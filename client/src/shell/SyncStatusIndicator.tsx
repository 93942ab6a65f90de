// Always visible in the header: offline / syncing / all saved, and how many changes wait.
import { Badge, Tag, Tooltip } from 'antd';
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../state/ClientSession';
import { useSyncStatus } from '../state/useSyncStatus';

/** `status`: a region session's (the township's pages); default the open community's. */
export function SyncStatusIndicator({ status: given }: { status?: SyncStatus } = {}) {
  const { t } = useTranslation();
  const own = useSyncStatus();
  const status = given ?? own;
  const { icon, color, label, help } =
    status.type === 'offline'
      ? { icon: <DisconnectOutlined />, color: 'default', label: t('sync.offline'), help: t('sync.offlineHelp') }
      : status.type === 'connecting'
        ? { icon: <CloudSyncOutlined spin />, color: 'processing', label: t('sync.connecting'), help: t('sync.connectingHelp') }
        : { icon: <CloudOutlined />, color: 'success', label: t('sync.synced'), help: t('sync.syncedHelp') };
  const pending = status.pending > 0 ? t('sync.pending', { count: status.pending }) : null;
  return (
    <Tooltip title={[help, status.denied ? t('sync.denied') : null, status.revoked ? t('sync.revoked') : null, status.tooHeavy ? t('sync.tooHeavy') : null].filter(Boolean).join(' ')}>
      <span role="status" aria-live="polite" aria-label={t('sync.label')} data-testid="sync-status" data-state={status.type} data-pending={status.pending}>
        <Tag icon={status.revoked ? <StopOutlined /> : icon} color={status.revoked ? 'error' : color} style={{ marginInlineEnd: 0 }}>
          <span className="lx-sync-label">{label}</span>
          {pending ? (
            <Badge count={status.pending} size="small" overflowCount={999} style={{ marginInlineStart: 6 }} aria-label={pending} title={pending} />
          ) : null}
        </Tag>
      </span>
    </Tooltip>
  );
}

// Always visible in the header: offline / syncing / all saved, and how many changes wait.
// Light (no antd): the shell of every page, a member's first screen included, draws it.
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from '../i18n/useTranslation';
import type { SyncStatus } from '../state/ClientSession';
import { useSyncStatus } from '../state/useSyncStatus';
import { Tag, type TagColor } from '../ui/Tag';

/** `status`: a region session's (the township's pages); default the open community's. */
export function SyncStatusIndicator({ status: given }: { status?: SyncStatus } = {}) {
  const { t } = useTranslation();
  const own = useSyncStatus();
  const status = given ?? own;
  const { icon, color, label, help } =
    status.type === 'offline'
      ? { icon: <DisconnectOutlined />, color: 'default' as TagColor, label: t('sync.offline'), help: t('sync.offlineHelp') }
      : status.type === 'connecting'
        ? { icon: <CloudSyncOutlined spin />, color: 'processing' as TagColor, label: t('sync.connecting'), help: t('sync.connectingHelp') }
        : { icon: <CloudOutlined />, color: 'success' as TagColor, label: t('sync.synced'), help: t('sync.syncedHelp') };
  const pending = status.pending > 0 ? t('sync.pending', { count: status.pending }) : null;
  const title = [help, status.denied ? t('sync.denied') : null, status.revoked ? t('sync.revoked') : null, status.tooHeavy ? t('sync.tooHeavy') : null].filter(Boolean).join(' ');
  return (
    <span role="status" aria-live="polite" aria-label={t('sync.label')} title={title} data-testid="sync-status" data-state={status.type} data-pending={status.pending}>
      <Tag icon={status.revoked ? <StopOutlined /> : icon} color={status.revoked ? 'error' : color}>
        <span className="lx-sync-label">{label}</span>
        {pending ? (
          <span className="lx-count" aria-label={pending} title={pending}>
            {status.pending > 999 ? '999+' : status.pending}
          </span>
        ) : null}
      </Tag>
    </span>
  );
}

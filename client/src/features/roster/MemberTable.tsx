// Members with their category, duties and how many households they serve.
import { Link } from 'react-router';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { BranchPost, LABELS, capacityOf, searchKey, searchMatcher, type Member, type MemberId, type RosterView } from '@lianxin/model';
import { useRosterActions } from '../../state/useRosterActions';
import { rosterIndex } from '../../state/rosterIndex';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';

interface MemberRow {
  readonly key: string;
  readonly member: Member;
  readonly load: number;
  readonly capacity: number;
}

export function MemberTable({ roster, onOpen }: { roster: RosterView; onOpen: (id: MemberId) => void }) {
  const { t } = useTranslation();
  const text = useText();
  const { communityId, canWrite } = useSession();
  const actions = useRosterActions();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<MemberId[]>([]);
  const [post, setPost] = useState<BranchPost | 'none'>(BranchPost.member);
  const rows = useMemo<MemberRow[]>(() => {
    const index = rosterIndex(roster);
    const matches = searchMatcher(query);
    return index.members
      .filter((m) => !matches || matches(searchKey(`${m.name} ${m.phone ?? ''}`)))
      .map((m) => ({ key: m.id, member: m, load: index.householdsByMember.get(m.id)?.length ?? 0, capacity: capacityOf(roster, m) }));
  }, [roster, query]);
  const columns: ColumnsType<MemberRow> = [
    {
      title: t('roster.memberName'),
      key: 'name',
      width: 140,
      render: (_: unknown, r) => (
        <a
          href={`#member-${r.key}`}
          className="lx-clip"
          style={{ maxWidth: 130 }}
          data-testid="member-open"
          onClick={(e) => {
            e.preventDefault();
            onOpen(r.member.id);
          }}
        >
          {r.member.name}
        </a>
      ),
    },
    { title: t('roster.category'), key: 'category', width: 110, render: (_: unknown, r) => text(LABELS.memberCategory[r.member.category]) },
    {
      title: t('roster.duties'),
      key: 'duties',
      width: 220,
      render: (_: unknown, r) => r.member.duties.map((d) => <Tag key={d}>{text(LABELS.dutyRole[d])}</Tag>),
    },
    {
      title: t('roster.posts'),
      key: 'posts',
      width: 160,
      render: (_: unknown, r) => (
        <>
          {r.member.branchPost ? <Tag color="red">{text(LABELS.branchPost[r.member.branchPost])}</Tag> : null}
          {r.member.residentsPost ? <Tag color="blue">{text(LABELS.residentsPost[r.member.residentsPost])}</Tag> : null}
          {r.member.representative ? <Tag>{t('roster.representative')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('roster.linkedHouseholds'),
      key: 'load',
      width: 110,
      sorter: (a, b) => a.load - b.load,
      render: (_: unknown, r) => <Tag color={r.load > r.capacity ? 'error' : r.load < roster.settings.linkMin ? 'warning' : 'success'}>{t('roster.load', { load: r.load, capacity: r.capacity })}</Tag>,
    },
    {
      title: t('roster.profile'),
      key: 'profile',
      width: 90,
      render: (_: unknown, r) => <Link to={`/c/${communityId}/members/${r.member.id}`}>{t('roster.profile')}</Link>,
    },
  ];
  return (
    <>
      <Input.Search allowClear placeholder={t('roster.searchMembers')} aria-label={t('roster.searchMembers')} enterButton={<Button icon={<SearchOutlined />} aria-label={t('app.search')} />} onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 8 }} />
      {canWrite('roster') ? (
        <Space wrap style={{ marginBottom: 8 }} data-testid="member-bulk">
          <span>{t('roster.bulkPosts', { count: selected.length })}</span>
          <Select<BranchPost | 'none'>
            aria-label={t('roster.branchPost')}
            value={post}
            style={{ width: 140 }}
            onChange={setPost}
            options={[...Object.values(BranchPost).map((p) => ({ value: p, label: text(LABELS.branchPost[p]) })), { value: 'none' as const, label: t('roster.noPost') }]}
          />
          <Button
            disabled={selected.length === 0}
            data-testid="member-bulk-apply"
            onClick={() => {
              if (actions.setBranchPosts(selected, post === 'none' ? null : post).type === 'done') setSelected([]);
            }}
          >
            {t('roster.setPosts')}
          </Button>
        </Space>
      ) : null}
      <Table<MemberRow>
        data-testid="member-table"
        rowSelection={canWrite('roster') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as MemberId[]) } : undefined}
        virtual
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 830, y: 520 }}
      />
    </>
  );
}

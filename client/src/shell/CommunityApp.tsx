// Everything under /c/<community>/: the session for that community and its pages.
import { useEffect } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { SessionProvider } from '../state/SessionProvider';
import { useAccounts } from '../state/useAccounts';
import { useSession } from '../state/useSession';
import { AppShell } from './AppShell';
import { Loading } from './Loading';
import { NotFound } from './NotFound';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { RosterPage } from '../features/roster/RosterPage';
import { MemberProfilePage } from '../features/roster/MemberProfilePage';
import { ServiceBoardPage } from '../features/roster/ServiceBoardPage';
import { MyHouseholdsPage } from '../features/work/MyHouseholdsPage';
import { ConcernBoardPage } from '../features/work/ConcernBoardPage';
import { PointsPage } from '../features/work/PointsPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MatterPage } from '../features/meetings/MatterPage';
import { PublishPage } from '../features/publish/PublishPage';
import { SettingsPage } from '../features/settings/SettingsPage';

function Home() {
  const { isCommittee } = useSession();
  return <Navigate to={isCommittee ? 'overview' : 'my'} replace />;
}

function Committee({ children }: { children: React.ReactNode }) {
  const { isCommittee } = useSession();
  return isCommittee ? <>{children}</> : <NotFound />;
}

export default function CommunityApp() {
  const { communityId } = useParams();
  const { ready, accounts, markOpened } = useAccounts();
  const account = accounts.find((a) => a.communityId === communityId) ?? null;
  useEffect(() => {
    if (account) markOpened(account.communityId);
  }, [account, markOpened]);
  if (!ready) return <Loading />;
  if (!account) return <Navigate to="/" replace />;
  return (
    <SessionProvider key={account.communityId} account={account} fallback={<Loading />}>
      <AppShell>
        <Routes>
          <Route index element={<Home />} />
          <Route path="overview" element={<DashboardPage />} />
          <Route path="my" element={<MyHouseholdsPage />} />
          <Route path="concerns" element={<ConcernBoardPage />} />
          <Route path="roster" element={<RosterPage />} />
          <Route path="roster/board/:buildingId?/:unitId?" element={<ServiceBoardPage />} />
          <Route path="members/:memberId" element={<MemberProfilePage />} />
          <Route path="points" element={<PointsPage />} />
          <Route path="meetings" element={<MeetingsPage />} />
          <Route path="meetings/:meetingId" element={<MeetingPage />} />
          <Route path="matters/:matterId" element={<MatterPage />} />
          <Route
            path="publish"
            element={
              <Committee>
                <PublishPage />
              </Committee>
            }
          />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AppShell>
    </SessionProvider>
  );
}

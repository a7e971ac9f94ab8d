import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { AppLayout } from './components/Layout';
import { Logo } from './components/icons';
import { Alert, PageHeader, Spinner } from './components/ui';
import { Link, match, navigate, useLocation } from './lib/router';
import { isStaff, useSession } from './lib/session';
import { WalletsProvider } from './lib/wallets';
import { AuditLogPage } from './pages/admin/AuditLog';
import { CampaignsPage } from './pages/admin/Campaigns';
import { BillerDetailPage, BillersPage } from './pages/admin/Billers';
import { CustomerDetailPage, CustomersPage } from './pages/admin/Customers';
import { SearchPage } from './pages/admin/Search';
import { DashboardPage } from './pages/admin/Dashboard';
import { AdminDisputeDetailPage, AdminDisputesPage } from './pages/admin/Disputes';
import { InboundPage } from './pages/admin/Inbound';
import { ReconciliationPage, ReconciliationRunPage } from './pages/admin/Reconciliation';
import { KycReviewsPage } from './pages/admin/KycReviews';
import { LedgerPage } from './pages/admin/Ledger';
import { AdminPaymentDetailPage, AdminPaymentsPage } from './pages/admin/Payments';
import { AdminPayoutsPage } from './pages/admin/Payouts';
import { FloatPage } from './pages/admin/Float';
import { ProvidersPage } from './pages/admin/Providers';
import { SettlementDetailPage, SettlementsPage } from './pages/admin/Settlements';
import { ReviewQueuePage } from './pages/admin/ReviewQueue';
import { RiskCasePage, RiskCasesPage } from './pages/admin/RiskCases';
import { RiskRulesPage } from './pages/admin/RiskRules';
import { TierRulesPage } from './pages/admin/TierRules';
import { LoginPage, SignupPage } from './pages/Auth';
import { AutoTopupPage } from './pages/AutoTopup';
import { BillPaymentPage } from './pages/BillPayment';
import { BillsPage } from './pages/Bills';
import { BillsDuePage } from './pages/BillsDue';
import { LinkedAccountsPage } from './pages/LinkedAccounts';
import { DepositPage } from './pages/Deposit';
import { DisputeDetailPage, DisputesPage } from './pages/Disputes';
import { HistoryPage } from './pages/History';
import { HomePage } from './pages/Home';
import { KycPage } from './pages/Kyc';
import { ChangePasswordPage, ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from './pages/Password';
import { NotificationsPage } from './pages/Notifications';
import { ProfilePage } from './pages/Profile';
import { RewardsPage } from './pages/Rewards';
import { SecurityPage } from './pages/Security';
import { SendPage } from './pages/Send';
import { WithdrawPage } from './pages/Withdraw';

type Page = ComponentType<{ params: Record<string, string> }>;

const CUSTOMER_ROUTES: [string, Page][] = [
  ['/', HomePage],
  ['/deposit', DepositPage],
  ['/bills', BillsPage],
  ['/bills/payments/:id', BillPaymentPage],
  ['/bills/due', BillsDuePage],
  ['/bills/accounts', LinkedAccountsPage],
  ['/send', SendPage],
  ['/withdraw', WithdrawPage],
  ['/history', HistoryPage],
  ['/kyc', KycPage],
  ['/disputes', DisputesPage],
  ['/disputes/:id', DisputeDetailPage],
  ['/security', SecurityPage],
  ['/settings/password', ChangePasswordPage],
  ['/notifications', NotificationsPage],
  ['/rewards', RewardsPage],
  ['/profile', ProfilePage],
  ['/cards', AutoTopupPage],
];

/** Pages reached from an emailed link or before logging in: shown whether or not anyone is logged in. */
const OPEN_PAGES: Record<string, () => preact.JSX.Element> = {
  '/forgot-password': ForgotPasswordPage,
  '/reset-password': ResetPasswordPage,
  '/verify-email': VerifyEmailPage,
};

const ADMIN_ROUTES: [string, Page][] = [
  ['/admin', DashboardPage],
  ['/admin/payments', AdminPaymentsPage],
  ['/admin/payments/:id', AdminPaymentDetailPage],
  ['/admin/payouts', AdminPayoutsPage],
  ['/admin/review', ReviewQueuePage],
  ['/admin/inbound', InboundPage],
  ['/admin/disputes', AdminDisputesPage],
  ['/admin/disputes/:id', AdminDisputeDetailPage],
  ['/admin/reconciliation', ReconciliationPage],
  ['/admin/reconciliation/:id', ReconciliationRunPage],
  ['/admin/kyc-reviews', KycReviewsPage],
  ['/admin/tier-rules', TierRulesPage],
  ['/admin/risk', RiskCasesPage],
  ['/admin/risk/rules', RiskRulesPage],
  ['/admin/risk/cases/:id', RiskCasePage],
  ['/admin/search', SearchPage],
  ['/admin/customers', CustomersPage],
  ['/admin/customers/:id', CustomerDetailPage],
  ['/admin/providers', ProvidersPage],
  ['/admin/billers', BillersPage],
  ['/admin/billers/:id', BillerDetailPage],
  ['/admin/float', FloatPage],
  ['/admin/settlements', SettlementsPage],
  ['/admin/settlements/:id', SettlementDetailPage],
  ['/admin/campaigns', CampaignsPage],
  ['/admin/ledger', LedgerPage],
  ['/admin/audit', AuditLogPage],
];

function resolve(
  routes: [string, Page][],
  path: string,
): { Page: Page; params: Record<string, string> } | null {
  for (const [pattern, Page] of routes) {
    const params = match(pattern, path);
    if (params) return { Page, params };
  }
  return null;
}

function NotFound() {
  return (
    <div class="page narrow">
      <PageHeader title="Page not found" subtitle="The page you were looking for does not exist." />
      <Link href="/" class="btn btn-primary btn-md">
        Go home
      </Link>
    </div>
  );
}

function Forbidden() {
  return (
    <div class="page narrow">
      <PageHeader title="Operators only" />
      <Alert kind="warning">The operator console is for Vendra operators and admins.</Alert>
      <p>
        <Link href="/">Back to your wallet</Link>
      </p>
    </div>
  );
}

/** Moves focus to the new page's heading after in-app navigation (not on first load). */
function useFocusOnNavigate(href: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const t = setTimeout(() => document.getElementById('page-title')?.focus({ preventScroll: true }), 50);
    return () => clearTimeout(t);
  }, [href]);
}

const RETURNING_KEY = 'vendra.returning';

/** This browser has been logged in before: it opens at log-in rather than sign-up. */
function isReturning(): boolean {
  try {
    return localStorage.getItem(RETURNING_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberReturning() {
  try {
    localStorage.setItem(RETURNING_KEY, '1');
  } catch {
    // Storage refused (private mode): new visitors and returning ones both start at sign-up.
  }
}

function Splash() {
  return (
    <div class="splash">
      <Logo />
      <Spinner label="Opening Vendra" />
    </div>
  );
}

export function App() {
  const { status, user } = useSession();
  const location = useLocation();
  const { path } = location;
  useFocusOnNavigate(location.path);

  const publicPage = path === '/login' || path === '/signup';

  useEffect(() => {
    if (status === 'authenticated') rememberReturning();
    if (status === 'anonymous' && !publicPage && !(path in OPEN_PAGES)) {
      // A new visitor opening the app starts at sign-up; someone who has logged in here before, at log-in.
      if (location.href === '/') navigate(isReturning() ? '/login' : '/signup', { replace: true });
      else navigate(`/login?next=${encodeURIComponent(location.href)}`, { replace: true });
    }
    if (status === 'authenticated' && publicPage) {
      const next = location.query.get('next');
      const safe = next?.startsWith('/') && !next.startsWith('//') ? next : isStaff(user) ? '/admin' : '/';
      navigate(safe, { replace: true });
    }
  }, [status, publicPage, path, location.href, location.query, user]);

  const Open = OPEN_PAGES[path];
  if (Open && status !== 'loading') return <Open />;
  if (status === 'loading') return <Splash />;
  if (publicPage) {
    if (status === 'authenticated') return <Splash />;
    return path === '/login' ? <LoginPage /> : <SignupPage />;
  }
  if (status !== 'authenticated') return <Splash />;

  const admin = path === '/admin' || path.startsWith('/admin/');
  const found = resolve(admin ? ADMIN_ROUTES : CUSTOMER_ROUTES, path);
  let content = found ? <found.Page key={path} params={found.params} /> : <NotFound />;
  if (admin && !isStaff(user)) content = <Forbidden />;

  return (
    <WalletsProvider>
      <AppLayout admin={admin && isStaff(user)}>{content}</AppLayout>
    </WalletsProvider>
  );
}

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useUnreadCount } from '../lib/notifications';
import { Link, navigate, useLocation } from '../lib/router';
import { isStaff, useSession } from '../lib/session';
import { useWallets } from '../lib/wallets';
import { Icon, type IconName, Logo } from './icons';
import { cx } from './ui';

interface NavItem {
  href: string;
  label: string;
  icon: IconName;
  match: (path: string) => boolean;
}

const CUSTOMER_NAV: NavItem[] = [
  { href: '/', label: 'Home', icon: 'home', match: (p) => p === '/' || p === '/deposit' },
  { href: '/bills', label: 'Pay bills', icon: 'bolt', match: (p) => p.startsWith('/bills') },
  { href: '/send', label: 'Send', icon: 'send', match: (p) => p.startsWith('/send') },
  { href: '/withdraw', label: 'Withdraw', icon: 'bank', match: (p) => p.startsWith('/withdraw') },
  { href: '/history', label: 'History', icon: 'list', match: (p) => p.startsWith('/history') },
];

const ADMIN_NAV: NavItem[] = [
  { href: '/admin', label: 'Dashboard', icon: 'chart', match: (p) => p === '/admin' },
  {
    href: '/admin/payments',
    label: 'Payments',
    icon: 'search',
    match: (p) => p.startsWith('/admin/payments'),
  },
  {
    href: '/admin/payouts',
    label: 'Payouts',
    icon: 'bank',
    match: (p) => p.startsWith('/admin/payouts'),
  },
  { href: '/admin/review', label: 'Review queue', icon: 'flag', match: (p) => p.startsWith('/admin/review') },
  { href: '/admin/inbound', label: 'Inbound', icon: 'bank', match: (p) => p.startsWith('/admin/inbound') },
  { href: '/admin/disputes', label: 'Disputes', icon: 'flag', match: (p) => p.startsWith('/admin/disputes') },
  {
    href: '/admin/reconciliation',
    label: 'Reconciliation',
    icon: 'scale',
    match: (p) => p.startsWith('/admin/reconciliation'),
  },
  {
    href: '/admin/kyc-reviews',
    label: 'KYC',
    icon: 'check',
    match: (p) => p.startsWith('/admin/kyc-reviews'),
  },
  {
    href: '/admin/tier-rules',
    label: 'Tiers',
    icon: 'scale',
    match: (p) => p.startsWith('/admin/tier-rules'),
  },
  { href: '/admin/risk', label: 'Risk', icon: 'flag', match: (p) => p.startsWith('/admin/risk') },
  { href: '/admin/search', label: 'Search', icon: 'list', match: (p) => p.startsWith('/admin/search') },
  {
    href: '/admin/customers',
    label: 'Customers',
    icon: 'users',
    match: (p) => p.startsWith('/admin/customers'),
  },
  {
    href: '/admin/providers',
    label: 'Providers',
    icon: 'plug',
    match: (p) => p.startsWith('/admin/providers'),
  },
  { href: '/admin/billers', label: 'Billers', icon: 'bolt', match: (p) => p.startsWith('/admin/billers') },
  { href: '/admin/float', label: 'Float', icon: 'scale', match: (p) => p.startsWith('/admin/float') },
  {
    href: '/admin/settlements',
    label: 'Settlements',
    icon: 'list',
    match: (p) => p.startsWith('/admin/settlements'),
  },
  {
    href: '/admin/campaigns',
    label: 'Campaigns',
    icon: 'chart',
    match: (p) => p.startsWith('/admin/campaigns'),
  },
  { href: '/admin/ledger', label: 'Ledger', icon: 'scale', match: (p) => p.startsWith('/admin/ledger') },
  { href: '/admin/audit', label: 'Audit log', icon: 'list', match: (p) => p.startsWith('/admin/audit') },
];

export function Toasts() {
  const { toasts, dismiss } = useWallets();
  return (
    <div class="toasts" aria-live="polite" aria-atomic="false" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} class={cx('toast', `toast-${t.kind}`)} role="status">
          <span>{t.text}</span>
          <button type="button" class="icon-btn" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}

function LiveIndicator() {
  const { liveState } = useWallets();
  const label = liveState === 'open' ? 'Live' : liveState === 'idle' ? 'Offline' : 'Reconnecting';
  return (
    <span class={cx('live', `live-${liveState}`)} data-testid="live-state" title="Live updates">
      <span class="live-dot" aria-hidden="true" />
      <span class="live-label">{label}</span>
    </span>
  );
}

/** The bell: a link to the Notifications page with the unread count, kept live. */
function NotificationBell({ active }: { active: boolean }) {
  const unread = useUnreadCount();
  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <Link
      href="/notifications"
      class={cx('icon-btn', 'bell', active && 'active')}
      aria-label={label}
      aria-current={active ? 'page' : undefined}
      data-testid="notification-bell"
    >
      <Icon name="bell" />
      {unread ? (
        <span class="bell-count" data-testid="unread-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}

/** Names each console table cell after its column, so that on a phone a row reads as a card of labelled values. */
function labelCells(root: HTMLElement) {
  for (const table of root.querySelectorAll<HTMLTableElement>('table.table')) {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        const label = heads[i];
        if (label && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', label);
      });
    }
  }
}

function useTableCardLabels(ref: { current: HTMLElement | null }, enabled: boolean) {
  useEffect(() => {
    const root = ref.current;
    if (!enabled || !root) return;
    labelCells(root);
    const observer = new MutationObserver(() => labelCells(root));
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [enabled]);
}

export function AppLayout({ children, admin = false }: { children: ComponentChildren; admin?: boolean }) {
  const { user, logout } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  // The account menu closes on Escape (focus back on its button) and on a click outside it.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setMenuOpen(false);
        menuRef.current?.querySelector<HTMLButtonElement>('.avatar-btn')?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [menuOpen]);
  // Close it when the page changes.
  useEffect(() => setMenuOpen(false), [path]);
  // The console's sections: one menu on a phone, closed again on every page change.
  const [sectionsOpen, setSectionsOpen] = useState(false);
  useEffect(() => setSectionsOpen(false), [path]);
  const mainRef = useRef<HTMLElement>(null);
  useTableCardLabels(mainRef, admin);
  const nav = admin ? ADMIN_NAV : CUSTOMER_NAV;
  const staff = isStaff(user);
  const initials = (user?.fullName ?? '?')
    .split(/\s+/)
    .map((w) => w[0])
    .filter(Boolean)
    .slice(0, 2)
    .join('')
    .toUpperCase();

  return (
    <div class={cx('shell', admin && 'shell-admin')}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <div class="topbar-inner">
          <Link href={admin ? '/admin' : '/'} class="brand" aria-label="Vendra home">
            <Logo />
            <span class="brand-name">Vendra</span>
            {admin && <span class="brand-tag">Console</span>}
          </Link>
          <nav class="nav-desktop" aria-label={admin ? 'Console' : 'Main'}>
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                class={cx('nav-link', item.match(path) && 'active')}
                aria-current={item.match(path) ? 'page' : undefined}
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div class="topbar-right">
            <LiveIndicator />
            {!admin && <NotificationBell active={path === '/notifications'} />}
            <div class="user-menu" ref={menuRef}>
              <button
                type="button"
                class="avatar-btn"
                aria-haspopup="true"
                aria-expanded={menuOpen ? 'true' : 'false'}
                aria-controls="user-menu"
                onClick={() => setMenuOpen((o) => !o)}
                data-testid="user-menu-button"
              >
                <span class="avatar" aria-hidden="true">
                  {initials}
                </span>
                <span class="sr-only">Account menu for {user?.fullName}</span>
              </button>
              {menuOpen && (
                <div id="user-menu" class="menu">
                  <div class="menu-head">
                    <strong>{user?.fullName}</strong>
                    <span class="muted">{user?.email}</span>
                  </div>
                  {!admin && (
                    <Link
                      href="/profile"
                      class="menu-item"
                      data-testid="menu-profile"
                      onClick={() => setMenuOpen(false)}
                    >
                      Profile
                    </Link>
                  )}
                  {!admin && (
                    <Link
                      href="/kyc"
                      class="menu-item"
                      data-testid="menu-kyc"
                      onClick={() => setMenuOpen(false)}
                    >
                      Account level and limits
                    </Link>
                  )}
                  {!admin && (
                    <Link
                      href="/rewards"
                      class="menu-item"
                      data-testid="menu-rewards"
                      onClick={() => setMenuOpen(false)}
                    >
                      Rewards
                    </Link>
                  )}
                  {!admin && (
                    <Link
                      href="/cards"
                      class="menu-item"
                      data-testid="menu-cards"
                      onClick={() => setMenuOpen(false)}
                    >
                      Cards and auto top-up
                    </Link>
                  )}
                  {!admin && (
                    <Link
                      href="/disputes"
                      class="menu-item"
                      data-testid="menu-disputes"
                      onClick={() => setMenuOpen(false)}
                    >
                      My disputes
                    </Link>
                  )}
                  {!admin && (
                    <Link
                      href="/security"
                      class="menu-item"
                      data-testid="menu-security"
                      onClick={() => setMenuOpen(false)}
                    >
                      Security
                    </Link>
                  )}
                  {!admin && (
                    <Link
                      href="/settings/password"
                      class="menu-item"
                      data-testid="menu-change-password"
                      onClick={() => setMenuOpen(false)}
                    >
                      Change password
                    </Link>
                  )}
                  {staff && !admin && (
                    <Link href="/admin" class="menu-item" onClick={() => setMenuOpen(false)}>
                      Operator console
                    </Link>
                  )}
                  {admin && (
                    <Link href="/" class="menu-item" onClick={() => setMenuOpen(false)}>
                      Customer app
                    </Link>
                  )}
                  <button
                    type="button"
                    class="menu-item"
                    data-testid="logout"
                    onClick={async () => {
                      setMenuOpen(false);
                      await logout().catch(() => undefined);
                      navigate('/login', { replace: true });
                    }}
                  >
                    Log out
                  </button>
                </div>
              )}
            </div>
          </div>
        </div>
      </header>
      {admin && (
        <button
          type="button"
          class="admin-menu-btn"
          aria-expanded={sectionsOpen ? 'true' : 'false'}
          aria-controls="console-sections"
          onClick={() => setSectionsOpen((o) => !o)}
          data-testid="console-menu-button"
        >
          <Icon name="list" />
          <span>{nav.find((item) => item.match(path))?.label ?? 'Sections'}</span>
          <span class="muted small">{sectionsOpen ? 'Close menu' : 'Menu'}</span>
        </button>
      )}
      {admin && (
        <nav
          id="console-sections"
          class={cx('admin-subnav', sectionsOpen && 'open')}
          aria-label="Console sections"
          data-testid="console-sections"
        >
          {nav.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              class={cx('chip', item.match(path) && 'active')}
              aria-current={item.match(path) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
      )}
      <main id="main" class="main" ref={mainRef}>
        {children}
      </main>
      {!admin && (
        <nav class="tabbar" aria-label="Main (mobile)">
          {nav.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              class={cx('tab', item.match(path) && 'active')}
              aria-current={item.match(path) ? 'page' : undefined}
            >
              <Icon name={item.icon} />
              <span>{item.label}</span>
            </Link>
          ))}
        </nav>
      )}
      <Toasts />
    </div>
  );
}

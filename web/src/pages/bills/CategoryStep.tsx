import { Icon, type IconName } from '../../components/icons';
import { Card, cx } from '../../components/ui';
import { CATEGORY_LABELS } from '../../lib/format';
import type { BillCategory } from '../../lib/types';

const CATEGORIES: { id: BillCategory; icon: IconName; blurb: string }[] = [
  { id: 'electricity', icon: 'bolt', blurb: 'Prepaid tokens and postpaid bills' },
  { id: 'airtime', icon: 'phone', blurb: 'Top up any network' },
  { id: 'data', icon: 'wifi', blurb: 'Data bundles' },
  { id: 'cable', icon: 'tv', blurb: 'DStv, GOtv and more' },
  { id: 'water', icon: 'home', blurb: 'Water bills' },
  { id: 'gas', icon: 'plug', blurb: 'Piped gas bills' },
];

/** Step 1: what kind of bill. */
export function CategoryStep({
  category,
  onChoose,
}: {
  category: BillCategory | null;
  onChoose: (category: BillCategory) => void;
}) {
  return (
    <Card title="1. What are you paying for?">
      <fieldset class="fieldset">
        <legend class="sr-only">Bill category</legend>
        <div class="category-grid">
          {CATEGORIES.map((c) => (
            <button
              key={c.id}
              type="button"
              class={cx('category', category === c.id && 'selected')}
              aria-pressed={category === c.id ? 'true' : 'false'}
              onClick={() => onChoose(c.id)}
              data-testid={`category-${c.id}`}
            >
              <Icon name={c.icon} size={24} />
              <span class="category-name">{CATEGORY_LABELS[c.id]}</span>
              <span class="category-blurb">{c.blurb}</span>
            </button>
          ))}
        </div>
      </fieldset>
    </Card>
  );
}

import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef {
  readonly id: string;
  readonly label: string;
  readonly render: () => ComponentChildren;
}

/**
 * WAI-ARIA tabs (automatic activation): a tablist of buttons, arrows/Home/End move and select, only the
 * selected tab is in the Tab order, one tabpanel labelled by its tab. Adding a tab = one entry in `tabs`.
 */
export function Tabs({ tabs, selected, onSelect, label }: { tabs: readonly TabDef[]; selected: string; onSelect: (id: string) => void; label: string }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(0, tabs.findIndex((t) => t.id === selected));
  const move = (to: number) => {
    const i = (to + tabs.length) % tabs.length;
    onSelect(tabs[i]!.id);
    refs.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(current + 1),
      ArrowLeft: () => move(current - 1),
      Home: () => move(0),
      End: () => move(tabs.length - 1),
    };
    const act = keys[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  };
  const active = tabs[current]!;
  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tablist" onKeyDown={onKeyDown}>
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={i === current}
            aria-controls={`panel-${t.id}`}
            tabIndex={i === current ? 0 : -1}
            class="tab"
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`} tabIndex={0} class="tabpanel">
        {active.render()}
      </div>
    </div>
  );
}

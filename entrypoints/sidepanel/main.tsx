import '../../lib/zod-setup';
import '../../components/theme.css';
import '../../components/page.css';
import { render } from 'preact';
import { SidePanelApp } from './SidePanelApp';
import { pageLocale } from '../../platform/page-locale';
import { watchSettings } from '../../platform/settings';
import { resolveLocale } from '../../lib/i18n';

const root = document.getElementById('app')!;
const draw = (locale: Awaited<ReturnType<typeof pageLocale>>) => render(<SidePanelApp locale={locale} />, root);
void pageLocale().then(draw);
watchSettings((s) => draw(resolveLocale(s.language, null, navigator.languages)));

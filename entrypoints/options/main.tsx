import '../../lib/zod-setup';
import '../../components/theme.css';
import '../../components/page.css';
import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import { pageLocale } from '../../platform/page-locale';
import { readSettings, watchSettings } from '../../platform/settings';
import { resolveLocale } from '../../lib/i18n';

const root = document.getElementById('app')!;
async function draw() {
  const settings = await readSettings();
  render(<OptionsApp locale={resolveLocale(settings.language, null, navigator.languages)} settings={settings} />, root);
}
void pageLocale().then(draw);
watchSettings(() => void draw());

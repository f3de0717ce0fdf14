import '../../lib/zod-setup';
import '../../components/theme.css';
import '../../components/page.css';
import { render } from 'preact';
import { PopupApp } from './PopupApp';
import { pageLocale } from '../../platform/page-locale';

void pageLocale().then((locale) => render(<PopupApp locale={locale} />, document.getElementById('app')!));

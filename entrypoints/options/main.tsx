import { render } from 'preact';
import { t } from '../../lib/i18n';

render(<main>{t('common.appName')}</main>, document.getElementById('app')!);

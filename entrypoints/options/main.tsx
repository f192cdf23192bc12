import { render } from 'preact';
import { OptionsApp } from '../../components/shell/options-app';
import '../../components/ui/base.css';
import '../../components/shell/shell.css';
import '../../components/dashboard/dashboard.css';
import '../../components/editor/editor.css';

render(<OptionsApp />, document.getElementById('app')!);

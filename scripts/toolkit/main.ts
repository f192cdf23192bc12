// Entry of the static toolkit: the same shell as the options page, told it runs outside an extension.
import './pdf-main-thread';
import { h, render } from 'preact';
import { ToolkitApp } from '../../components/toolkit/toolkit-app';
import '../../components/ui/base.css';
import '../../components/shell/shell.css';
import '../../components/dashboard/dashboard.css';
import '../../components/editor/editor.css';
import '../../components/toolkit/toolkit.css';

render(h(ToolkitApp, null), document.getElementById('app')!);

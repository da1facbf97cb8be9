import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { parseHash } from './lib/router.svelte';
import { startUp } from './lib/startup';
import { mark } from './lib/timeline';

mark('script runs');

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

// Before mounting: whether the app is locked, the settings and Today's data come back while the
// app mounts (none of the user's data while locked).
startUp(parseHash(location.hash).screen === 'today');

const app = mount(App, { target });
mark('mounted');
export default app;

import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { parseHash } from './lib/router.svelte';
import { prefetchToday } from './lib/today';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

// Before mounting: Today's answers come back while the app mounts.
if (parseHash(location.hash).screen === 'today') prefetchToday();

export default mount(App, { target });

import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { parseHash } from './lib/router.svelte';
import { prefetchToday } from './lib/today';
import { lockState } from './lib/lock.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

// Before mounting: whether the app is locked, and Today's answers, come back while the app mounts
// (Today's are refused while locked, and then not shown).
lockState.load();
if (parseHash(location.hash).screen === 'today') prefetchToday();

export default mount(App, { target });

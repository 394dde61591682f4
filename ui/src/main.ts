// Entry point: mounts the app with the backend chosen for this environment.
import { mount } from 'svelte';
import App from './App.svelte';
import { backend } from './lib/ipc';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');

export default mount(App, { target, props: { backend } });

import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { startLanguage } from './lib/i18n/system';

// The first frame is already in the user's language: the language is settled before mounting.
void startLanguage().then(() => mount(App, { target: document.getElementById('app')! }));

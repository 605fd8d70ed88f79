import '@mantine/core/styles.css';
import './styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { signIn } from './auth';
import { loadConfig } from './config';
import { initI18n, initialLanguage } from './i18n';

async function boot(root: HTMLElement): Promise<void> {
  const language = initialLanguage();
  const [config] = await Promise.all([loadConfig(), initI18n(language)]);
  const auth = await signIn(config, language);
  createRoot(root).render(<App auth={auth} />);
}

const root = document.getElementById('root') as HTMLElement;
boot(root).catch((error: unknown) => {
  // Before React runs (no config, Keycloak unreachable): say so rather than leave a blank page.
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `Entente could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(message);
});

// How a command's outcome is told to the person: a short notice at the top of the screen. Pages
// inside Ant Design's App (AntdScope) tell it with antd's message; the light pages (a member's
// "my households") with a few lines of DOM, so their first load carries no notification library.
import { createContext, useContext } from 'react';

export interface Notice {
  success(text: string): void;
  error(text: string): void;
  warning(text: string): void;
  info(text: string): void;
}

const SHOWN_MS = 3_000;

function lightNotice(tone: 'success' | 'error' | 'warning' | 'info', text: string): void {
  if (typeof document === 'undefined') return;
  let box = document.getElementById('lx-notices');
  if (!box) {
    box = document.createElement('div');
    box.id = 'lx-notices';
    box.className = 'lx-notices';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    document.body.append(box);
  }
  const item = document.createElement('div');
  item.className = `lx-notice lx-notice--${tone}`;
  item.dataset.tone = tone;
  item.textContent = text;
  box.append(item);
  setTimeout(() => item.remove(), SHOWN_MS);
}

export const LIGHT_NOTICE: Notice = {
  success: (text) => lightNotice('success', text),
  error: (text) => lightNotice('error', text),
  warning: (text) => lightNotice('warning', text),
  info: (text) => lightNotice('info', text),
};

export const NoticeContext = createContext<Notice>(LIGHT_NOTICE);

export function useNotice(): Notice {
  return useContext(NoticeContext);
}

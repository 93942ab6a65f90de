// Builds plain DOM for what is drawn outside React (the boot screen and the kept first screen).
// Children are nodes or text: a string is always a text node, never parsed as markup.

export type Attrs = Record<string, string>;

export function element(tag: string, attrs: Attrs = {}, children: readonly (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'style') node.style.cssText = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

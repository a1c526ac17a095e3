// Rich-text editor for the staff admin (Tiptap 3), bundled by build.mjs into wwwroot/dist/editor.js.
//
// Progressive enhancement: every <textarea data-rich-text> is hidden and followed by an editor. The textarea stays
// in the form and always holds the editor's HTML, so the form posts exactly as it does without JavaScript.
//
// The site's Content-Security-Policy is strict (script-src 'self'; style-src 'self'): no inline styles, no eval,
// and Tiptap's injected <style> is switched off (injectCSS: false); all styling lives in editor.css.
import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { initLix } from './lix.js'

const SVG_NS = 'http://www.w3.org/2000/svg'
const ENHANCED = 'richTextEnhanced'
const instances = new Map()
let nextId = 0

/**
 * Whether a link address is allowed: http:, https:, mailto:, or a site-relative path that starts with a single "/".
 * Anything else (javascript:, data:, protocol-relative "//host", relative "foo", backslashes, control characters)
 * is refused.
 */
function isAllowedHref(value) {
  if (typeof value !== 'string') {
    return false
  }
  const href = value.trim()
  // Whitespace, control characters and backslashes have no place in an address we accept; browsers treat "\" as
  // "/" and strip tabs/newlines, which is how "/\evil.example" or "java\tscript:" tricks work.
  if (href === '' || /[\s\u0000-\u001f\u007f\\]/.test(href)) {
    return false
  }
  if (href.startsWith('/')) {
    return !href.startsWith('//')
  }
  if (/^mailto:/i.test(href)) {
    return href.length > 'mailto:'.length
  }
  if (/^https?:\/\//i.test(href)) {
    try {
      const url = new URL(href)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
    } catch {
      return false
    }
  }
  return false
}

function svgIcon(build) {
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('focusable', 'false')
  svg.setAttribute('class', 'rte-icon')
  build(svg)
  return svg
}

function svgChild(svg, name, attributes) {
  const child = document.createElementNS(SVG_NS, name)
  for (const [key, value] of Object.entries(attributes)) {
    child.setAttribute(key, value)
  }
  svg.appendChild(child)
  return child
}

const path = d => svg => svgChild(svg, 'path', { d })

const ICONS = {
  bulletList: svg => {
    for (const y of [6, 12, 18]) {
      svgChild(svg, 'circle', { cx: '4.5', cy: String(y), r: '1.5', class: 'rte-icon-fill' })
    }
    svgChild(svg, 'path', { d: 'M9 6h12M9 12h12M9 18h12' })
  },
  orderedList: svg => {
    svgChild(svg, 'path', { d: 'M10 6h11M10 12h11M10 18h11' })
    svgChild(svg, 'path', { d: 'M4 4.5l1.5-1v5M3.5 8.5h3.5', class: 'rte-icon-thin' })
    svgChild(svg, 'path', { d: 'M3.5 14.5c0-1 .8-1.5 1.6-1.5s1.6.5 1.6 1.4c0 1.4-3.2 2.2-3.2 4.1h3.4', class: 'rte-icon-thin' })
  },
  blockquote: path('M10 7H5v5h4c0 2.5-1.5 4-3.5 4.5M19 7h-5v5h4c0 2.5-1.5 4-3.5 4.5'),
  link: path('M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1'),
  unlink: path('M15.5 13.5l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.5 1.5M8.5 10.5l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.5-1.5M3 3l18 18'),
  undo: path('M9 15L4 10l5-5M4 10h10.5a5.5 5.5 0 0 1 0 11H11'),
  redo: path('M15 15l5-5-5-5M20 10H9.5a5.5 5.5 0 0 0 0 11H13'),
}

/** Toolbar buttons: `pressed` makes it a toggle button (aria-pressed), `enabled` makes it aria-disabled when false. */
const BUTTONS = [
  {
    name: 'bold',
    label: 'Fetstil',
    shortcut: 'Ctrl+B',
    text: 'F',
    run: chain => chain.toggleBold(),
    pressed: editor => editor.isActive('bold'),
  },
  {
    name: 'italic',
    label: 'Kursiv',
    shortcut: 'Ctrl+I',
    text: 'K',
    run: chain => chain.toggleItalic(),
    pressed: editor => editor.isActive('italic'),
  },
  {
    name: 'heading-2',
    label: 'Rubrik 2 (H2)',
    shortcut: 'Ctrl+Alt+2',
    text: 'H2',
    run: chain => chain.toggleHeading({ level: 2 }),
    pressed: editor => editor.isActive('heading', { level: 2 }),
  },
  {
    name: 'heading-3',
    label: 'Rubrik 3 (H3)',
    shortcut: 'Ctrl+Alt+3',
    text: 'H3',
    run: chain => chain.toggleHeading({ level: 3 }),
    pressed: editor => editor.isActive('heading', { level: 3 }),
  },
  {
    name: 'bullet-list',
    label: 'Punktlista',
    shortcut: 'Ctrl+Skift+8',
    icon: ICONS.bulletList,
    run: chain => chain.toggleBulletList(),
    pressed: editor => editor.isActive('bulletList'),
  },
  {
    name: 'ordered-list',
    label: 'Numrerad lista',
    shortcut: 'Ctrl+Skift+7',
    icon: ICONS.orderedList,
    run: chain => chain.toggleOrderedList(),
    pressed: editor => editor.isActive('orderedList'),
  },
  {
    name: 'blockquote',
    label: 'Citat',
    shortcut: 'Ctrl+Skift+B',
    icon: ICONS.blockquote,
    run: chain => chain.toggleBlockquote(),
    pressed: editor => editor.isActive('blockquote'),
  },
  {
    name: 'link',
    label: 'Länk',
    icon: ICONS.link,
    action: (editor, context) => editLink(editor, context),
    pressed: editor => editor.isActive('link'),
  },
  {
    name: 'unlink',
    label: 'Ta bort länk',
    icon: ICONS.unlink,
    run: chain => chain.extendMarkRange('link').unsetLink(),
    enabled: editor => editor.isActive('link'),
  },
  {
    name: 'undo',
    label: 'Ångra',
    shortcut: 'Ctrl+Z',
    icon: ICONS.undo,
    run: chain => chain.undo(),
    enabled: editor => editor.can().undo(),
  },
  {
    name: 'redo',
    label: 'Gör om',
    shortcut: 'Ctrl+Skift+Z',
    icon: ICONS.redo,
    run: chain => chain.redo(),
    enabled: editor => editor.can().redo(),
  },
]

function editLink(editor, { announce }) {
  const current = editor.getAttributes('link').href
  const answer = window.prompt('Länkadress (https://…)', typeof current === 'string' ? current : '')
  if (answer === null) {
    editor.commands.focus()
    return
  }
  const href = answer.trim()
  if (href === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    announce('Länken togs bort.')
    return
  }
  if (!isAllowedHref(href)) {
    editor.commands.focus()
    announce('Ogiltig länkadress. Använd en adress som börjar med https://, http:// eller mailto:, eller en sökväg som börjar med /.')
    return
  }
  if (editor.isActive('link')) {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
  } else if (editor.state.selection.empty) {
    // Nothing selected: insert the address itself as the link text.
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
      .unsetMark('link')
      .run()
  } else {
    editor.chain().focus().setLink({ href }).run()
  }
  announce('')
}

function findLabel(textarea) {
  if (textarea.id) {
    const escaped = window.CSS && CSS.escape ? CSS.escape(textarea.id) : textarea.id
    const label = document.querySelector(`label[for="${escaped}"]`)
    if (label) {
      return label
    }
  }
  return textarea.labels && textarea.labels.length > 0 ? textarea.labels[0] : null
}

function uniqueId(prefix) {
  let id
  do {
    id = `${prefix}-${++nextId}`
  } while (document.getElementById(id))
  return id
}

/**
 * The textarea's value for an editor: "" for an empty document rather than "<p></p>", and without the empty
 * paragraph(s) at the end that the TrailingNode extension keeps there so the caret can leave a final heading or list.
 */
function htmlOf(editor) {
  return editor.isEmpty ? '' : editor.getHTML().replace(/(?:<p><\/p>)+$/, '')
}

function createButton(spec) {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = `rte-button rte-button-${spec.name}`
  button.setAttribute('aria-label', spec.label)
  button.title = spec.shortcut ? `${spec.label} (${spec.shortcut})` : spec.label
  if (spec.pressed) {
    button.setAttribute('aria-pressed', 'false')
  }
  if (spec.icon) {
    button.appendChild(svgIcon(spec.icon))
  } else {
    const glyph = document.createElement('span')
    glyph.className = 'rte-glyph'
    glyph.setAttribute('aria-hidden', 'true')
    glyph.textContent = spec.text
    button.appendChild(glyph)
  }
  return button
}

/**
 * Markup the server keeps but this editor cannot represent (tables, media, sub/superscript, language and alignment
 * marks). Loading it into the editor would silently drop it on the next save, so such a field stays plain HTML.
 */
const UNSUPPORTED = 'table, figure, img, audio, video, sub, sup, [lang], [class]'

function hasUnsupportedMarkup(html) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html')
  return doc.body.querySelector(UNSUPPORTED) !== null
}

function keepAsHtml(textarea) {
  const note = document.createElement('p')
  note.className = 'rte-notice'
  note.id = `${textarea.id || 'rte'}-html-note`
  note.textContent = 'Texten innehåller tabeller, bilder eller annan formatering som textredigeraren inte kan visa. '
    + 'Den redigeras därför som HTML här, så att inget försvinner.'
  textarea.insertAdjacentElement('afterend', note)
  const describedBy = [textarea.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' ')
  textarea.setAttribute('aria-describedby', describedBy)
}

/** Enhances one textarea; returns its editor (the existing one if it was enhanced before). */
function enhance(textarea) {
  if (instances.has(textarea)) {
    return instances.get(textarea)
  }
  if (textarea.dataset[ENHANCED] === 'true') {
    return null
  }
  textarea.dataset[ENHANCED] = 'true'
  if (hasUnsupportedMarkup(textarea.value)) {
    keepAsHtml(textarea)
    return null
  }

  const wrapper = document.createElement('div')
  wrapper.className = 'rte'
  const toolbar = document.createElement('div')
  toolbar.className = 'rte-toolbar'
  toolbar.setAttribute('role', 'toolbar')
  toolbar.setAttribute('aria-label', 'Textformat')
  const mount = document.createElement('div')
  mount.className = 'rte-editor'
  const status = document.createElement('p')
  status.className = 'rte-status'
  status.setAttribute('role', 'status')
  wrapper.append(toolbar, mount, status)

  // Accessible name and description of the editing surface.
  const attributes = {
    class: 'rte-content',
    role: 'textbox',
    'aria-multiline': 'true',
  }
  const label = findLabel(textarea)
  if (label) {
    if (!label.id) {
      label.id = uniqueId(textarea.id ? `${textarea.id}-label` : 'rte-label')
    }
    attributes['aria-labelledby'] = label.id
  } else if (textarea.hasAttribute('aria-labelledby')) {
    attributes['aria-labelledby'] = textarea.getAttribute('aria-labelledby')
  } else if (textarea.hasAttribute('aria-label')) {
    attributes['aria-label'] = textarea.getAttribute('aria-label')
  }
  for (const name of ['aria-describedby', 'aria-invalid', 'aria-errormessage']) {
    if (textarea.hasAttribute(name)) {
      attributes[name] = textarea.getAttribute(name)
    }
  }
  // A hidden required control would block submission with "invalid form control is not focusable", so the
  // requirement moves to the editor as aria-required; the server validates anyway.
  if (textarea.required) {
    attributes['aria-required'] = 'true'
    textarea.required = false
  }
  const readOnly = textarea.disabled || textarea.readOnly
  if (readOnly) {
    attributes['aria-readonly'] = 'true'
  }

  textarea.hidden = true
  textarea.classList.add('rte-source')
  textarea.after(wrapper)

  const announce = message => {
    status.textContent = message
  }

  const editor = new Editor({
    element: mount,
    content: textarea.value,
    editable: !readOnly,
    injectCSS: false,
    editorProps: { attributes },
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          // Only our own rule decides which addresses are links; Tiptap's default would also allow ftp:, tel:, …
          // Autolinking therefore only picks up addresses typed with their scheme (https://…, mailto:…).
          isAllowedUri: url => isAllowedHref(url),
          shouldAutoLink: url => isAllowedHref(url),
          HTMLAttributes: { rel: 'noopener noreferrer', target: null },
        },
      }),
    ],
    onUpdate: ({ editor: updated }) => {
      const html = htmlOf(updated)
      if (textarea.value !== html) {
        textarea.value = html
        textarea.dispatchEvent(new Event('input', { bubbles: true }))
      }
    },
  })

  const buttons = BUTTONS.map(spec => {
    const button = createButton(spec)
    button.addEventListener('click', () => {
      if (!editor.isEditable || button.getAttribute('aria-disabled') === 'true') {
        return
      }
      if (spec.action) {
        spec.action(editor, { announce })
      } else {
        spec.run(editor.chain().focus()).run()
      }
    })
    toolbar.appendChild(button)
    return { spec, button }
  })

  const refresh = () => {
    for (const { spec, button } of buttons) {
      if (spec.pressed) {
        button.setAttribute('aria-pressed', spec.pressed(editor) ? 'true' : 'false')
      }
      const enabled = editor.isEditable && (!spec.enabled || spec.enabled(editor))
      if (enabled) {
        button.removeAttribute('aria-disabled')
      } else {
        button.setAttribute('aria-disabled', 'true')
      }
    }
  }
  editor.on('transaction', refresh)
  editor.on('focus', refresh)
  refresh()

  // Clicking the label would focus the hidden textarea; focus the editor instead.
  if (label) {
    label.addEventListener('click', event => {
      event.preventDefault()
      editor.commands.focus()
    })
  }

  // A form reset restores the textarea's default value; show it in the editor too.
  if (textarea.form) {
    textarea.form.addEventListener('reset', () => {
      window.setTimeout(() => {
        editor.commands.setContent(textarea.value, { emitUpdate: false })
      }, 0)
    })
  }

  instances.set(textarea, editor)
  return editor
}

/** Enhances every not yet enhanced <textarea data-rich-text> in root (the whole document by default). */
function init(root = document) {
  const editors = []
  for (const textarea of root.querySelectorAll('textarea[data-rich-text]')) {
    const editor = enhance(textarea)
    if (editor) {
      editors.push(editor)
    }
  }
  return editors
}

/** The editor of an enhanced textarea, or undefined. */
function get(textarea) {
  return instances.get(textarea)
}

window.SmartskolaEditor = Object.freeze({ init, enhance, get, isAllowedHref })

function start() {
  init()
  // After the editors exist, so the score sits below the editor rather than inside it.
  initLix()
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true })
} else {
  start()
}

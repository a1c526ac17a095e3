// LIX (läsbarhetsindex) for every text an editor writes, updated as they type: words per sentence plus the share
// of long words (more than six letters) in per cent. Bands as commonly used for Swedish texts.
const BANDS = [
  [30, 'mycket lättläst'],
  [40, 'lättläst'],
  [50, 'medelsvår'],
  [60, 'svår'],
  [Infinity, 'mycket svår'],
]

function plainText(value, isHtml) {
  if (!isHtml) {
    return value
  }
  const doc = new DOMParser().parseFromString(value, 'text/html')
  // Block elements end a sentence even without a full stop (headings, list items).
  doc.querySelectorAll('h1,h2,h3,h4,h5,h6,li,p,td,th,blockquote').forEach(el => el.append('. '))
  return doc.body.textContent || ''
}

export function lix(text) {
  const words = text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) || []
  if (words.length === 0) {
    return null
  }
  const sentences = Math.max(1, (text.match(/[.!?:]+(?=\s|$)/g) || []).length)
  const long = words.filter(w => w.replace(/-/g, '').length > 6).length
  return Math.round(words.length / sentences + (long * 100) / words.length)
}

export function band(score) {
  return BANDS.find(([limit]) => score < limit)[1]
}

function attach(textarea) {
  if (textarea.dataset.lix === 'on') {
    return
  }
  textarea.dataset.lix = 'on'
  const isHtml = textarea.hasAttribute('data-rich-text')
  const status = document.createElement('p')
  status.className = 'lix'
  status.id = `${textarea.id || 'text'}_lix`
  status.setAttribute('aria-live', 'polite')
  status.dataset.testid = 'lix'
  const next = textarea.nextElementSibling
  const anchor = next && next.classList.contains('rte') ? next : textarea
  anchor.insertAdjacentElement('afterend', status)
  let timer = 0
  const update = () => {
    const score = lix(plainText(textarea.value, isHtml))
    status.textContent = score === null
      ? 'Läsbarhet (LIX): skriv text för att se hur lättläst den är.'
      : `Läsbarhet (LIX): ${score} – ${band(score)}.`
  }
  textarea.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(update, 250)
  })
  update()
}

export function initLix(root = document) {
  root.querySelectorAll('form.content-editor textarea').forEach(attach)
}

// After a refused form post: move keyboard focus to the message and list links to the fields that need fixing.
// Progressive enhancement only; without JavaScript the message and the marked fields are still there.
document.addEventListener('DOMContentLoaded', () => {
  const alert = document.querySelector('main [role=alert]')
  if (!alert) {
    return
  }

  const fields = [...document.querySelectorAll('main [aria-invalid=true]')].filter(field => !field.hidden)
  if (fields.length > 0 && !alert.querySelector('.error-links')) {
    const list = document.createElement('ul')
    list.className = 'error-links'
    for (const field of fields) {
      const labelledBy = field.getAttribute('aria-labelledby')
      const label = field.labels?.[0] ?? (labelledBy ? document.getElementById(labelledBy.split(' ')[0]) : null)
      const link = document.createElement('a')
      link.href = field.id ? `#${field.id}` : '#'
      link.textContent = label ? label.textContent.trim() : (field.getAttribute('name') ?? 'Fält')
      link.addEventListener('click', event => {
        event.preventDefault()
        field.focus()
      })
      const item = document.createElement('li')
      item.appendChild(link)
      list.appendChild(item)
    }
    alert.appendChild(list)
  }

  alert.setAttribute('tabindex', '-1')
  alert.focus()
})

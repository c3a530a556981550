// Test pages' "mail server": remembers what was sent, exactly as the page would send it.
window.sentMessages = [];
window.recordSend = function (body) {
  window.sentMessages.push(body);
  document.getElementById('status').textContent = 'Message sent';
};

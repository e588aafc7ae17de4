// DevChat: hosts Web Chat against the app's local Direct Line endpoints. Each person (storyteller,
// admin) has a conversation of their own; switching reconnects Web Chat to that person's conversation.
(function () {
  'use strict';

  const domain = window.location.origin + '/v3/directline';
  const conversations = {}; // identity -> { token, conversationId }
  let people = {};
  let current = 'storyteller';
  let directLine = null;

  function setStatus(id, text) {
    document.getElementById(id).textContent = text;
  }

  async function loadInfo() {
    try {
      const response = await fetch('/devchat/info');
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const info = await response.json();
      setStatus('storage', info.storage);
      for (const person of info.people) people[person.key] = person;
    } catch (error) {
      setStatus('storage', 'unknown (' + error.message + ')');
    }
  }

  async function newConversation(identity) {
    const response = await fetch(domain + '/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identity: identity })
    });
    if (!response.ok) throw new Error('Could not start a conversation: HTTP ' + response.status);
    const body = await response.json();
    conversations[identity] = { token: body.token, conversationId: body.conversationId, started: false };
    return conversations[identity];
  }

  async function show(identity, restart) {
    current = identity;
    for (const button of document.querySelectorAll('.person')) {
      button.setAttribute('aria-pressed', String(button.dataset.identity === identity));
    }
    const person = people[identity] || { name: identity, label: identity, userId: 'devchat-' + identity };
    // In local mode the Admin identity is on the campaign team by itself; its object id is shown for the README's
    // one-line alternative (Access__BootstrapAdmins__0=<id>).
    setStatus('who', 'talking as ' + person.name + ' (' + person.label.toLowerCase() +
      (person.isAdmin ? ', on the campaign team here: type "admin" for the admin panel' : '') +
      (identity === 'admin' && person.aadObjectId ? ', object id ' + person.aadObjectId : '') + ')');

    let conversation = conversations[identity];
    if (!conversation || restart) {
      try {
        conversation = await newConversation(identity);
      } catch (error) {
        setStatus('who', error.message + ' Is the app still running?');
        return;
      }
    }

    if (directLine) directLine.end();
    // Polling (webSocket: false): DevChat implements Direct Line's REST subset, not its stream.
    // A known conversationId makes Web Chat resume it and fetch its history from the start.
    directLine = window.WebChat.createDirectLine(Object.assign(
      { domain: domain, token: conversation.token, webSocket: false, pollingInterval: 500 },
      conversation.started ? { conversationId: conversation.conversationId } : {}));
    conversation.started = true;

    // A fresh element per conversation: Web Chat is rendered anew rather than re-pointed at another
    // Direct Line, which it does not expect; the old one's polling stopped with directLine.end().
    const main = document.getElementById('webchat');
    const host = document.createElement('div');
    host.className = 'webchat-host';
    main.replaceChildren(host);
    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: person.userId,
      username: person.name,
      locale: 'en-GB',
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Type a message, e.g. "share a story" or "help"' },
      styleOptions: {
        accent: '#464775',
        botAvatarInitials: 'IS',
        userAvatarInitials: identity === 'admin' ? 'AD' : 'ST',
        hideUploadButton: true
      }
    }, host);
    host.querySelector('[data-id="webchat-sendbox-input"]')?.focus();
  }

  window.devChatBundleMissing = function () {
    document.getElementById('webchat').hidden = true;
    document.getElementById('missing').hidden = false;
  };

  window.devChatStart = async function () {
    await loadInfo();
    for (const button of document.querySelectorAll('.person')) {
      button.addEventListener('click', () => show(button.dataset.identity, false));
    }
    document.getElementById('restart').addEventListener('click', () => show(current, true));
    await show('storyteller', false);
  };
})();

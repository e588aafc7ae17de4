// DevChat: hosts Web Chat against the app's local Direct Line endpoints. Each person (storyteller, admin) has a
// 1:1 conversation of their own, and a view of each channel of the local partnership team (what the bot posts
// there, as Teams shows a channel). Switching person or place reconnects Web Chat to that conversation.
(function () {
  'use strict';

  const domain = window.location.origin + '/v3/directline';
  const conversations = {}; // "identity|place" -> { token, conversationId, started }
  let people = {};
  let team = null;
  let current = 'storyteller';
  let place = 'chat';
  let directLine = null;
  let switches = 0; // the newest identity or place switch; an older one still opening gives way

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
      team = info.team;
    } catch (error) {
      setStatus('storage', 'unknown (' + error.message + ')');
    }
  }

  // As if the bot had been added to the team in Teams: the bot's install capture registers it and its channels.
  async function installTeam() {
    try {
      const response = await fetch('/devchat/partnership', { method: 'POST' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      team = await response.json();
    } catch (error) {
      team = null;
      setStatus('who', 'The local partnership team could not be set up (' + error.message + ').');
    }
    if (!team) return;
    const places = document.getElementById('places');
    const restart = document.getElementById('restart');
    for (const channel of team.channels) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'place';
      button.dataset.place = channel.id;
      button.setAttribute('aria-pressed', 'false');
      button.title = 'The ' + channel.label + ' channel of ' + team.name + ', as a member sees it';
      button.textContent = '#' + channel.label;
      button.addEventListener('click', () => show(current, channel.id, false));
      places.insertBefore(button, restart);
    }
  }

  async function newConversation(identity, where, resume) {
    const body = { identity: identity };
    if (where !== 'chat') body.channel = where;
    else if (resume) body.resume = true;
    const response = await fetch(domain + '/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    });
    if (!response.ok) throw new Error('Could not start a conversation: HTTP ' + response.status);
    const result = await response.json();
    const key = identity + '|' + where;
    // A conversation the bot opened itself has been started already: resume it from its history.
    const known = Object.values(conversations).some(c => c.conversationId === result.conversationId);
    conversations[key] = { token: result.token, conversationId: result.conversationId, started: known };
    return conversations[key];
  }

  function placeLabel(where) {
    if (where === 'chat' || !team) return '1:1 chat';
    const channel = team.channels.find(c => c.id === where);
    return '#' + (channel ? channel.label : where) + ' in ' + team.name;
  }

  async function show(identity, where, restart) {
    current = identity;
    place = where;
    for (const button of document.querySelectorAll('.person')) {
      button.setAttribute('aria-pressed', String(button.dataset.identity === identity));
    }
    for (const button of document.querySelectorAll('.place')) {
      button.setAttribute('aria-pressed', String(button.dataset.place === where));
    }
    const person = people[identity] || { name: identity, label: identity, userId: 'devchat-' + identity };
    const mine = ++switches;

    // The chat shown until now goes at once, so nothing typed while the next one opens is sent as the person before;
    // the status says who is talking only once their conversation is ready.
    if (directLine) directLine.end();
    directLine = null;
    const main = document.getElementById('webchat');
    const opening = document.createElement('p');
    opening.className = 'opening';
    opening.textContent = 'Opening ' + person.name + '’s ' + placeLabel(where) + '…';
    main.replaceChildren(opening);
    setStatus('who', 'opening ' + placeLabel(where) + ' as ' + person.name + '…');

    let conversation = conversations[identity + '|' + where];
    if (!conversation || restart) {
      try {
        // The first look at a person's chat picks up one the bot may have opened for them (Share yours in a channel).
        conversation = await newConversation(identity, where, !restart);
      } catch (error) {
        if (mine === switches) setStatus('who', error.message + ' Is the app still running?');
        return;
      }
    }

    // Pressed again meanwhile (another person or place): that switch shows its own chat.
    if (mine !== switches) return;

    // In local mode the Admin identity is on the campaign team by itself; its object id is shown for the README's
    // one-line alternative (Access__BootstrapAdmins__0=<id>).
    setStatus('who', 'talking as ' + person.name + ' (' + person.label.toLowerCase() +
      (person.isAdmin ? ', on the campaign team here: type "admin" for the admin panel' : '') +
      (identity === 'admin' && person.aadObjectId ? ', object id ' + person.aadObjectId : '') + ') in ' + placeLabel(where));
    // Polling (webSocket: false): DevChat implements Direct Line's REST subset, not its stream.
    // A known conversationId makes Web Chat resume it and fetch its history from the start.
    directLine = window.WebChat.createDirectLine(Object.assign(
      { domain: domain, token: conversation.token, webSocket: false, pollingInterval: 500 },
      conversation.started ? { conversationId: conversation.conversationId } : {}));
    conversation.started = true;

    // A fresh element per conversation: Web Chat is rendered anew rather than re-pointed at another
    // Direct Line, which it does not expect; the old one's polling stopped with directLine.end().
    const host = document.createElement('div');
    host.className = 'webchat-host';
    main.replaceChildren(host);
    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: person.userId,
      username: person.name,
      locale: 'en-GB',
      overrideLocalizedStrings: {
        TEXT_INPUT_PLACEHOLDER: where === 'chat'
          ? 'Type a message, e.g. "share a story" or "help"'
          : 'Post in the channel (it mentions the bot), e.g. "share a story"'
      },
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
      button.addEventListener('click', () => show(button.dataset.identity, place, false));
    }
    document.querySelector('.place[data-place="chat"]').addEventListener('click', () => show(current, 'chat', false));
    document.getElementById('restart').addEventListener('click', () => show(current, 'chat', true));
    await installTeam();
    await show('storyteller', 'chat', false);
  };
})();

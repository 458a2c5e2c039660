/*
 * The forms' own validation messages in Chinese. Camunda Forms (form-js) checks required fields and
 * lengths in the browser before anything is sent, but writes its messages in English only
 * ("Field is required."); Tasklist loads this file as one of its customScripts (scripts/config.js)
 * and puts each message into Chinese as it appears.
 */
const MESSAGES = [
  [/^Field is required\.?$/, () => '必须填写'],
  [/^Field must have minimum length of (\d+)\.?$/, n => `至少填写${n}个字`],
  [/^Field must have maximum length of (\d+)\.?$/, n => `不能超过${n}个字`],
  [/^Field must have minimum value of (.+?)\.?$/, n => `不能小于${n}`],
  [/^Field must have maximum value of (.+?)\.?$/, n => `不能大于${n}`],
  [/^Field must match pattern .*$/, () => '格式不正确'],
  [/^Value is not a number\.?$/, () => '必须是数字'],
  [/^Value is expected to be an integer\.?$/, () => '必须是整数'],
  [/^Date must match pattern .*$/, () => '日期格式应为 年-月-日'],
  [/^Date and time must both be entered\.?$/, () => '请同时填写日期和时间']
];

function translate(node) {
  const text = node.textContent.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) {
      node.textContent = chinese(match[1]);
      return;
    }
  }
}

function translateAll(root) {
  if (root.querySelectorAll) {
    root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span').forEach(translate);
    if (root.matches && root.matches('.fjs-form-field-error li, .fjs-form-field-error span')) {
      translate(root);
    }
  }
}

new MutationObserver(changes => changes.forEach(change => {
  change.addedNodes.forEach(node => translateAll(node.nodeType === 3 ? node.parentNode : node));
  if (change.type === 'characterData' && change.target.parentNode) {
    translateAll(change.target.parentNode);
  }
})).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];

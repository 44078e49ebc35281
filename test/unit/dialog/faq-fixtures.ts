import type { CallFaqEntry } from '../../../src/dialog/faq';
import type { Language } from '../../../src/dialog/language';

/** The demo campaign's FAQ (examples/campaigns/demo-minutes.yaml), trimmed, in each call language. */
export const DEMO_FAQ: Readonly<Record<Language, CallFaqEntry[]>> = {
  en: [
    { id: 'who-is-calling', phrasings: ['who is this', "who's this", 'who are you'], answer: "I'm an automated assistant, calling about a personal business matter.", afterVerification: false },
    { id: 'why-calling', phrasings: ['why are you calling', 'what is this about', "what's this about"], answer: "I'm calling about your Northwind account, which has a balance past due.", afterVerification: true },
    { id: 'where-to-pay', phrasings: ['where can i pay', 'how do i pay', 'how can i pay'], answer: 'You can pay through the secure link we text you, or by calling 1-800-555-0199.', afterVerification: true },
    { id: 'pay-by-card', phrasings: ['pay by card', 'credit card', 'debit card'], answer: 'Yes. The secure link takes debit and credit cards.', afterVerification: true },
    { id: 'what-is-the-debt', phrasings: ['what is this debt for', "what's this debt for", 'what is this for'], answer: "It's the unpaid balance on your Northwind credit card account.", afterVerification: true },
  ],
  'zh-CN': [
    { id: 'who-is-calling', phrasings: ['你是谁', '哪位', '谁啊'], answer: '我是自动语音助理，有一件私人事务需要联系您。', afterVerification: false },
    { id: 'why-calling', phrasings: ['为什么打给我', '有什么事', '什么事'], answer: '我是就您在Northwind的账户来电，账户上有一笔逾期欠款。', afterVerification: true },
    { id: 'where-to-pay', phrasings: ['在哪里付', '怎么付款', '怎么还款'], answer: '您可以通过我们短信发送的安全链接付款，也可以致电1-800-555-0199。', afterVerification: true },
    { id: 'pay-by-card', phrasings: ['刷卡', '用卡', '信用卡'], answer: '可以。安全付款链接支持借记卡和信用卡。', afterVerification: true },
    { id: 'what-is-the-debt', phrasings: ['这笔钱是什么', '什么欠款', '什么债务'], answer: '这是您Northwind信用卡账户上未还的余额。', afterVerification: true },
  ],
};

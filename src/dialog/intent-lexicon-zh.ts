import type { IntentLexicon } from './intent-lexicon';

/** Paying, as callers say it: repay, pay, hand over, transfer, wire money, send it; "打 120 过去" sends a sum over. */
const PAY = '(?:还|付|交|支付|转账?|打(?:钱|款)|汇款?|给(?:你|您)们?(?:转|打|汇)|(?:打|转|汇)\\s*(?:\\d+|[一二两三四五六七八九十百千万]+)\\s*(?:块钱?|元)?\\s*过去|pay)';

/** Who else may answer the debtor's phone: family, in-laws included, and people they live or work with. */
const RELATIVE =
  '(?:同事|邻居|朋友|家人|亲戚|室友|老公|老婆|丈夫|妻子|媳妇|爱人|对象|老伴|男朋友|女朋友|儿子|女儿|闺女|儿媳妇?|女婿|爸爸?|妈妈?|父亲|母亲|爹|娘|哥哥?|姐姐?|弟弟?|妹妹?|爷爷|奶奶|姥姥|姥爷|外公|外婆|孙子|孙女|婆婆|公公|岳父|岳母|丈母娘|老丈人)';

/** Income a caller waits for before paying: wages, a bonus, a pension, a refund. */
const INCOME = '(?:工资|薪水|奖金|年终奖|提成|退休金|养老金|补贴|分红|报销|钱|款)';

/** A clause: what lies between two punctuation marks. */
const IN_CLAUSE = '[^，。,.！!？?；;]';

/** Chinese patterns per rule, with the reason each is there. English words inside Chinese are read too. */
export const CHINESE_LEXICON: IntentLexicon = {
  lawyer: [/律师/],
  bankruptcy: [/破产/],
  optOut: [
    /(?:别|不要)再?(?:给我)?打(?:了|电话|给我)?|(?:不要|别)再?联系|停止(?:拨打|打|联系|来电)|拉黑|退订|不要骚扰/,
    // Deleting the number, however put ("把我号码删了", "把我的电话删除").
    /把我\S{0,6}(?:删|移除|去掉)/,
  ],
  complaint: [
    // Harassment claims, complaints and reports to a regulator or the police: a person answers them.
    /骚扰|投诉|举报|报警|12315|消协|消费者协会|银保监|金融监管|监管部门|complain/,
    // Accusing the collector of abusive collection, or threatening to sue ("告" but not "告诉", to tell).
    /暴力催收|(?:去|要|会|就)告(?!诉)/,
    // Calling it unlawful ("不还违法吗" asks), or family and work told of the debt (third-party contact).
    new RegExp(`(?:违法|犯法|不合法|侵犯隐私)(?![吗么不])|(?:给|找|联系)我(?:的)?(?:家里人|家人|单位|领导|${RELATIVE})(?:打电话|打|说)`),
  ],
  human: [
    /转人工|人工|真人|客服|经理|主管|找个人|跟人说/,
    // A manager asked for in English inside Chinese.
    /(?:找|要|叫|跟|和|让)\s*(?:你们的?)?\s*(?:manager|supervisor|boss|领导|负责人|上级)/,
  ],
  wrongPerson: [
    /打错了?|打错电话|找错人|你找错|不是我[,.!。]*$|我不是(?:他|她|本人)|没有这个人|不认识(?:他|她|这个人)|(?:他|她)人?(?:现在)?不在/,
    /没(?:有)?(?:这(?:个)?|叫这个名字的)人|没有叫这个名字的/,
    // A relative or the number's owner answering for the debtor (a third party, 1006.6(d)).
    // Said either way round: "他是我儿子", "我是他同事".
    new RegExp(`我是(?:他|她)的?${RELATIVE}|(?:他|她)是我的?${RELATIVE}`),
    /号码不是(?:他|她)的|(?:不是|没有)(?:他|她)的(?:号码|电话)/,
  ],
  dispute: [
    /不是我的(?:债|欠款|账|钱)|这不是我的|我(?:没有|没|不)欠|已经(?:还|付|交)(?:清|过|完)?了|有异议|有争议|申诉|搞错了|弄错了|算错|身份被盗|被冒用|冒名/,
    // Already paid: said with a time it was done (早就, 上个月就) or the recogniser's 以经 for 已经.
    new RegExp(`(?:已经|以经|早就|早已|之前就|上个?(?:月|周|星期|礼拜)就?|already)\\s*${IN_CLAUSE}{0,4}${PAY}(?:清|过|完|上|掉|过去)?了`),
    // Done, said with a perfective: "还过了", "结清了", "还上了".
    /(?:还|付|交)过了|(?:结清|还清|付清|还上|还完|付完)了|不是我欠的|我没欠过/,
    // A wrong amount ("金额不对", "我哪欠这么多"), or an account never opened, or a stolen identity.
    /(?:金额|数目?|数字|账单?|钱数|余额|欠款|利息|罚息|费用|手续费|违约金|amount)\s*(?:算得|算的)?\s*(?:是|好像|肯定|明显)?\s*(?:不对|错的|错了|有误|不准|有问题|对不上)|(?:哪|怎么会?)(?:有|欠)?(?:这么|那么)多|只欠/,
    // "我哪欠你们一百二": a rhetorical "where do I owe" denies the amount.
    /哪(?:里|儿)?(?:有)?欠/,
    /(?:从来|从)?没(?:有)?(?:办|开|申请|用)过|冒用|盗用|(?:根本|从来|并)(?:没有?|不)欠|(?:账|债|欠款|贷款|卡)\S{0,2}不是我的/,
    // Borrowed by someone else, or never at all: "不是我借的", "压根没借过", "我啥时候借过钱".
    /不是我(?:本人)?(?:借|办|欠|花|刷|用|贷|申请)的|(?:根本|从来|压根儿?)(?:就)?(?:没有?|不)(?:欠|借|办|用|申请)|(?:什么|啥)时候(?:借|欠|办|贷)过/,
    // Interest or fees called unfair, only the principal owned: the amount is what is disputed.
    /(?:利息|罚息|手续费|违约金|费用|滞纳金)[^，。,.]{0,3}(?:太高|太多|不合理|乱收|离谱)|乱收费|只认本金|只还本金/,
    // Sent already, or not received by them: "我微信转过去了呀 你们没收到吗".
    /(?:转|打|汇)(?:过去|给你们)了|(?:你们|你)(?:没|没有)收到|没收到(?:钱|款)/,
    // The figure rejected, then the caller's own record quoted: "不对啊 我账单上写的是三千二".
    /(?:不对|不是|错了|明明|只有|才)[^。]{0,10}(?:账单|短信|通知|合同|借条|记录|app|明细)[^，。,.]{0,4}(?:写|显示)/,
  ],
  notAllAtOnce: [
    // "一次性还不了": unable to pay it in one go asks for a plan.
    /(?:一次性?|一下子?|全部一起|全部|一口气)[^，。,.？?]{0,6}(?:不了|不起|不出|不够|做不到|困难|难)|(?:没办法|没法|不能|无法|不可能|不够)\s*(?:一次性?|一下子|全部一起|一口气)/,
    // Asking not to pay in one go ("可以不一次还清吗") asks for a plan.
    /不(?:要|用)?\s*(?:一次性?|一下子|一口气)\s*(?:还|付|交)/,
  ],
  hardship: [
    /失业|丢了工作|没(?:有)?工作|下岗|被裁|没(?:有)?钱|付不起|还不起|交不起|经济困难|手头紧|生病|住院|困难/,
    // Unable to pay at all, however put; a business closed or wages unpaid.
    // Poor, said colloquially: "穷得叮当响", "揭不开锅", "吃土".
    /穷|揭不开锅|吃土|喝西北风/,
    // Wages held back, a business lost, nothing at all, or "where would I get the money": "拖欠", "赔了", "哪有钱".
    new RegExp(`(?:工资|薪水|工钱)\\S{0,4}拖欠|(?:被|一直)拖欠|拖欠(?:工资|薪水|工钱)|(?:没法|没办法|无法|没能力)(?:还|付|交)|(?:生意|投资|买卖)[^，。,.]{0,3}(?:赔|亏|黄|失败)|(?:什么|啥)都没(?:有|了)|哪(?:有|来|儿有|里有)的?钱|就靠[^，。,.]{0,6}${INCOME}`),
    /没(?:有)?收入|工作(?:丢|没)了|辞退|开除|裁员|拿不出|一分钱都没|(?:还|付|交)不了|(?:手头|手上|经济|budget|钱)\s*(?:很|比较|有点|太|特别)?紧|倒闭|(?:工资|薪水)都?没发|欠薪/,
  ],
  refusal: [
    // Sarcasm that sounds like a yes or a "later" and means no: "等我中了彩票再说", "做梦", "门都没有".
    /等我中了?(?:彩票|大奖|五百万)|做梦|想得美|门都没有|没门儿?|下辈子/,
    // Refusing to pay, said as the whole answer: "我不还", "我就是不还" (not "I am the one").
    /^\s*(?:我|我们)?\s*(?:就|就是|坚决|绝对)?\s*不(?:会|想|打算)?(?:还|付|交|给)(?:了|啦|的|钱)?\s*[。!！]?\s*$/,
  ],
  repeat: [
    // The caller did not hear: 再/在 are homophones the recogniser confuses.
    /(?:再|在)(?:说|讲)一(?:遍|次|下)|重复一(?:遍|下|次)|没听(?:清|见|到|懂|明白)|听不(?:清|见|到)|你(?:刚才|刚刚)?说(?:什么|啥)|信号不好|大声一?点|(?:什么|啥)意思|说?慢一?点/,
    /^\s*(?:啊|嗯|什么|啥|sorry)\s*[?？]+\s*$/,
    // English inside Chinese: "没 get 到", and "没跟上" (could not follow).
    /没\s*get|没跟上/,
  ],
  callback: [
    // 在 is how recognisers write its homophone 再 ("明天在打吧"); 打钱/打过去 sends money, not a call.
    /(?:晚点|晚些|回头|稍后|等会儿?|过会儿?|改天|明天|下次)[再在]?(?:打(?!钱|款|过去|给你)|联系|说)|(?:后天|上午|中午|下午|晚上|下周[一二三四五六日天]?|周[一二三四五六日天])[再在](?:打(?!工|钱|款|过去|给你)|联系|说)|现在不方便|不太方便|在忙|(?:我在|正在)(?:开车|上班|开会)|没空|没时间/,
    // Any later time, then "call again" ("下周再打", "下午再打过来").
    /再(?:打|联系|来电)(?:过来|给我)?(?:吧|啊)?|再说(?!一)|在路上|在外面/,
  ],
  plan: [
    /分期|分成|分批|分次|拆成|拆开|(?:分|拆)(?:\d+|[一二两三四五六七八九十几多少]+)(?:期|次|个月|份|回|笔)|每个?月[^，。,.？?]{0,4}(?:付|还|交)|慢慢还|分开(?:付|还|交)?|按月/,
    // A sum a month or a week, at most or only: "我一个月最多还二十". "一个月后"/"一个月内" are dates.
    /(?:每|一)个?(?:月|周|星期|礼拜)(?![后内以之])[^，。,.？?]{0,4}(?:付|还|交)(?!清)/,
    // Paying part first, or a little each month, or a monthly sum: a plan; "installment" said in English too.
    // The rest left for later: "先还一千 剩下的下个月再还".
    /(?:剩下|剩余|其余|余下)的?[^，。,.]{0,8}(?:再|后面|以后|下个?月|慢慢)[^，。,.]{0,3}(?:还|付|交)/,
    /先(?:还|付|交)(?:一部分|一半|一点|部分|些)|每个?月\s*(?:\d|[一二两三四五六七八九十百千])|每个?月\S{0,3}一点|instal{1,2}ment|payment plan/,
  ],
  payNow: [
    /把链接发给我|发(?:个)?链接|链接发我|发给我链接|网上(?:付|支付)/,
    // Now or today, then paying within a few characters ("今天就把钱还了").
    new RegExp(`(?:现在|马上|立刻|立即|今天|今晚)${IN_CLAUSE}{0,5}?${PAY}`),
    // The link, in Chinese or English, and the recogniser's 连接 for 链接.
    /(?:发|send|传)[^，。,.？?]{0,8}(?:链接|连接|link)|(?:链接|连接|link)\s*(?:发|send)/,
  ],
  factQuestion: [
    // A-not-A before a statement asks whether it is so ("是不是要今天付全部"); before 可以/能 it asks
    // leave to do it, a request; at the end it is a tag ("对不对") asking to confirm. 会不会 asks about a
    // consequence, 用不用/需不需要 whether something is required.
    /(?:是不是|要不要|有没有|对不对|会不会|用不用|需不需要|算不算)(?!\s*(?:可以|能)|[\s吗呢？?。！!，,]*$)/,
    // A hypothetical asks what would follow, whatever 不 it holds: "不还的话会怎么样".
    /(?:的话|如果|要是|假如|万一)[^。]{0,12}(?:会怎(?:么)?样|怎么办|会不会|什么后果|有什么影响)/,
    // Whether not paying is allowed or unlawful: "不还钱违法吗", "不还行吗".
    /^\s*不[^。，,]{0,10}(?:吗|么)\s*[?？]?\s*$|(?:违法|犯法|合法)(?:吗|么|不)/,
    // Or unconditioned, northern 咋 for 怎么: "不还会咋样".
    /不(?:还|付|交)(?:钱)?(?:的话)?\s*(?:会|能)?\s*(?:怎么样|怎样|咋样|咋办|怎么办|会怎么|会咋|有什么后果|有啥后果|有啥影响)/,
    // Asking to be let off something: "能不能不付利息" is a question, not an offer to pay.
    /(?:能不能|可不可以|可以|能)\s*不(?:付|还|交|收|算)/,
  ],
  methodQuestion: [
    // How one may pay, not an offer to pay now.
    /(?:用|刷)\s*(?:信用卡|银行卡|卡|支付宝|微信|credit card|card)\S{0,4}(?:付|还|支付)?\S{0,2}(?:吗|么|不|[?？])/,
    // Asked A-not-A ("可不可以用支付宝付"), the way to pay is what is asked, even unpunctuated.
    /(?:可不可以|能不能|行不行)\s*(?:用|刷)\s*(?:信用卡|银行卡|卡|支付宝|微信|credit card|card)/,
  ],
  promise: [
    // A negation right before the verb ("能不能不付") cancels the offer; an A-not-A earlier does not.
    /(?:会|能|可以|打算|准备|保证|争取|下周|这周|本周|明天|后天|星期|周[一二三四五六日天]|号|日|月底|月初|发工资|工资)[^,.!?。]{0,6}(?<![不没别]|不用|不要|不想|没法)(?:付|还|交)(?!不)|答应还/,
    // Paying once income arrives: "等年终奖下来就一次还清", "退休金到账了就还".
    new RegExp(`${INCOME}[^，。,.]{0,2}(?:下来|到账|到了|发了|到手|来了)[^，。,.]{0,6}(?<![不没别])(?:付|还|交)(?!不)`),
  ],
  greeting: [/^\s*(?:喂|你好|您好|哈喽)+[\s,，.。!！?？]*(?:(?:喂|你好|您好)[\s,，.。!！?？]*)*$/],
  // "我是" only as the answer itself ("是的我是", "我是啊"): inside a sentence ("告诉我是哪笔") it is not.
  // 要是/可是/但是/还是 + 我 ("要是我不付") are if/but/or, not "it is me".
  identity: [/我就是|(?<!要|可|但|还|若|总|于|只|倒)是我(?!的|们)|^\s*\S{0,3}我是(?:[啊的呀]|[\s，,。!！?？]|$)|本人/],
  deny: [
    // 没问题 (no problem), 没错 (right), 不错 (not bad) and 不客气 start like a no and are not one.
    // A leading 不 of a double negation ("不是不可以") agrees.
    /^\s*(?:不(?!错|客气|是不|会不|能不)|没有(?!问题)|不用|不要|不行|不对|没(?!问题|错|有问题|毛病|得问题|啥问题)|算了)|不需要|不用了|没有了|就这些|再见|拜拜/,
    // A date or an offer refused at the end ("周五不行", "那个时间不方便"), not a double negation ("不是不行").
    /(?<![是并])不(?:行|可以|方便)[的啊吧呀。.!！]*\s*$/,
  ],
  affirm: [
    // A 嗯 that hesitates ("嗯 那个 就是说", "嗯……我想一下") is no yes.
    /^\s*(?:是的?|对的?|好的?|好啊|好吧|嗯+(?![\s…。.，,]*(?:那个|这个|就是|我想|让我想|想想|等等|等一下|怎么说))|行|要|确认|正确|当然)|好的|可以|没有?问题|没错|对的|方便/,
    // "Go ahead", English OK, and a double negation ("也不是不行"): a yes.
    /^\s*(?:你|您)?说吧|^\s*(?:ok|okay)\b|(?:不是|并非)不(?:行|可以|能)/,
    // Regional yeses: northern 成/中/妥/得嘞, and 没毛病 (no problem).
    /^\s*(?:成|中|妥|得嘞)(?:啊|吧|的|了|嘞)?\s*[。!！]?\s*$|没毛病|没得问题|没啥问题/,
    // Said before going on: "中 说吧", "成，你讲".
    /^\s*(?:成|中|妥)(?:啊|吧|的|了|嘞)?[\s，,。!！]+\S/,
  ],
  greetOpening: [/^\s*(?:喂|你好|您好|哈喽)/],
  // An A-not-A anywhere ("会不会影响我的征信") asks, as a question word or a final 吗 does.
  // 啥 and 咋 are northern 什么 and 怎么; "怎么说呢" (how to put it) is a hesitation, not a question.
  question: [/什么|啥|谁|为什么|怎么(?!说呢)|咋|多少|哪|吗\s*[?？]?\s*$|呢\s*[?？]?\s*$|[?？]\s*$|(\p{Script=Han})[不没]\1/u],
  // "还不了", "付不起": a verb with a negated complement is unable to pay, not an offer.
  commitment: [
    new RegExp(`${PAY}(?!\\s*[不没])`),
    // A date said to suit, when the question was when: "周五可以", "十号没问题" (not "周五不行").
    /(?<![不没])(?:可以|没问题|行|成)(?:的|吧|啊)?[。.!！]?\s*$/,
  ],
};

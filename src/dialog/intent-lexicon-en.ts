import type { IntentLexicon } from './intent-lexicon';

/** Words that, before a number, say it is a count of parts: ASR writes "two" as "to", "four" as "for". */
const COUNT_WORD = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|to|too|for)';

/** "Hello" as said and written: "hallo", "hullo", "helo". */
const HELLO = '(?:h[aeu]l{1,2}o)';

/** Leading fillers a speech recogniser keeps: "uh, no", "well, yes". */
const FILLER = '(?:(?:uh|um|er|erm|oh|well|so|hmm)[,.]?\\s+)*';

/** Nouns for the parts a debt is paid in: "in 3 goes", "in two chunks" are as much a plan as "in 3 payments". */
const PARTS = '(?:payments|parts|pieces|months|instal{1,2}ments|goes|chunks|lots|bits|stages|portions)';

/** Paying all in one payment, however said. */
const ONE_GO = '\\b(?:at once|at one time|in one go|in one (?:payment|shot|lump)|(?:in )?a lump sum|all together|up ?front)\\b';

/** What "it" is when a debtor talks about paying: the balance, the amount, the whole thing. */
const THE_DEBT = '(?:it|this|that|the (?:whole |full )?(?:balance|amount|thing|bill|debt)|everything|all of it)';

/** English patterns per rule, with the reason each is there. */
export const ENGLISH_LEXICON: IntentLexicon = {
  lawyer: [
    // "The attorney general" is a regulator a caller complains to, not their counsel.
    /\b(?:lawyers?|attorneys?(?! general)|legal (?:counsel|representation|aid)|counsel|solicitor|represented by)\b/,
  ],
  bankruptcy: [
    // "bank rupt": recognisers split the word.
    /\b(?:bank ?rupt\w*|bankruptcy|chapter (?:7|11|13|seven|eleven|thirteen)|filed for|discharged)\b/,
  ],
  optOut: [
    /\b(?:stop (?:calling|contacting|ringing)|quit calling|don't (?:you )?(?:ever |dare )?call|do not call|never call|remove (?:me|my number)|take me off|unsubscribe|opt(?:-| )?out|leave me alone|cease)\b/,
    // Not wanting calls is revoking consent to them, however it is put.
    /\b(?:don't|do not) want (?:any ?more|any other|more|these|your) (?:phone )?calls\b|\bno more (?:phone )?calls\b/,
    /\b(?:don't|do not) (?:ever )?(?:contact|text|phone|ring) (?:me|us|this number|this phone|here)\b|\brevoke (?:my |your )?(?:consent|permission)\b/,
    // "Lose my number" (US and UK colloquial): the number is to be forgotten, i.e. no more calls.
    /\b(?:lose|delete|erase|forget) (?:my|this) (?:phone )?number\b/,
    // Off the list, whatever is taken off it: "take this number off your list", "put me on your do-not-call list".
    /\btake (?:me|us|my (?:name|number)|this (?:phone )?number)(?: \w+)? off\b|\boff (?:your|the) (?:calling |call |contact )?list\b|\bdo(?:-| )not(?:-| )call list\b/,
    /\b(?:don't|do not) want (?:you|you guys|your company|anyone) (?:to )?(?:call|calling|contact|contacting|phone|phoning)\b/,
    /^\s*(?:stop|quit|end|revoke|cancel|unsubscribe)\s*[.!]?\s*$/,
  ],
  complaint: [
    // Harassment claims and threats to complain or report: a person answers them (12 CFR 1006.14).
    /\bharass\w*|\bcomplain\w*|\breport(?:ing)? (?:you|this|your (?:company|agency))\b/,
    /\b(?:cfpb|consumer (?:financial )?protection|better business bureau|bbb|attorney general|ftc|federal trade commission)\b/,
    // UK callers take a collector to the Financial Ombudsman, Trading Standards or the FCA.
    /\b(?:ombudsman|trading standards|fca|financial conduct authority|regulators?)\b/,
    // Calling it unlawful is an accusation, not a question ("is it illegal not to pay?" asks).
    /(?<!\b(?:is|was) (?:it|that|this) )\b(?:illegal|unlawful|against the law|breaking the law)\b/,
    // Telling a neighbour, an employer or family about the debt is third-party contact (1006.6(d)).
    /\byou (?:called|contacted|phoned|rang|told|talked to|spoke to|went to) my (?:neighbou?rs?|boss|employer|work|job|family|mother|mom|mum|father|dad|parents?|kids?|children|wife|husband|sister|brother|friends?|relatives?)\b/,
  ],
  human: [
    // "Are you a real person?" asks about the agent, and is answered.
    /\b(?:(?<!are you a )real person|(?<!are you (?:a )?)human|live person|an? (?:agent|person|representative|rep|operator|supervisor|manager)|(?:your|the) (?:supervisor|manager)|(?:talk|speak) (?:to|with) (?:someone|somebody)|operator|customer service)\b/,
    // Asking to be put through, to a person who is "actual", or for someone to talk to.
    /\bput (?:someone|somebody|a person|someone else|a real person) on\b|\b(?:someone|somebody) (?:who|that) (?:can|could) (?:actually )?(?:make a deal|decide|negotiate|help me|authori[sz]e)\b/,
    /\b(?:transfer me|put me through|(?<!are you an? )(?:actual|real|live) (?:human|person|agent|representative|rep)|someone (?:i|we) can (?:talk|speak) (?:to|with)|put (?:your|the|a) (?:manager|supervisor|boss) on|representative)\b/,
    // Refusing the machine is asking for a person: "I don't wanna talk to a robot".
    /\b(?:(?:don't|do not) (?:want|wanna) (?:to )?(?:talk|speak) (?:to|with)|not talking to|instead of) (?:a |an |the |this |some )?(?:robot|machine|computer|bot|recording|automated \w+)\b/,
  ],
  wrongPerson: [
    /\bwrong (?:number|person|guy|lady)\b|\b(?:no one|nobody) (?:here )?(?:by|with|named|called) that name\b|\b(?:doesn't|does not|don't|do not) (?:live|work) here\b|\byou have the wrong\b|\bnever heard of (?:her|him|them)\b/,
    // "I'm not Jane": a name after the denial, not a state ("I'm not interested", "I'm not sure").
    /^\s*(?:no[,.]?\s+)?(?:i'm|i am) not (?!interested|sure|available|able|ready|going|gonna|paying|busy|happy|working|home|here|in\b|doing|trying|aware|kidding|joking|lying|talking|calling|the\b|a\b|an\b|that\b|really|too\b|very\b)[a-z]+\s*[.!]?\s*$/,
    /\b(?:i'm|i am|this is|this isn't|this is not) not (?:her|him|them|that person)\b|\bthat's not me\b|\b(?:she|he)(?:'s| is) not (?:here|home|available|in)\b/,
    // Someone else who lives there answered: a relative or a housemate is a third party (1006.6(d)).
    /\b(?:this is|i'm|i am) (?:his|her|their) (?:husband|wife|son|daughter|mom|mother|dad|father|brother|sister|roommate|partner|boyfriend|girlfriend|friend|grandson|granddaughter)\b/,
    // The one asked for has died: said as the answer, not as a reason later in a sentence ("since he passed").
    /^\s*(?:(?:no|oh|well)[,.]?\s+)?(?:she|he)(?:'s| has| is)? (?:passed(?: away| on)?|died|deceased|dead)\b/,
    // A number given out again: whoever had it before is not the one answering.
    /\b(?:just|recently|only just) got (?:this|the|my) (?:phone )?number\b|\bthis (?:is a new number|number is new)\b/,
    /\b(?:she|he|they) (?:has |have )?moved(?: out| away)?\b|\bthere(?:'s| is) no (?:\w+ ){1,2}(?:here|at this number)\b|\b(?:don't|do not) know (?:her|him|them|that person|who that is|any(?:one|body)? (?:by|named|called)|any \w+ \w+\s*[.!?]?$)/,
  ],
  dispute: [
    /\b(?:i (?:don't|do not) owe|not my (?:debt|bill|account|loan)|(?:isn't|is not|wasn't) (?:mine|my debt|my account)|never (?:had|opened|signed up for) (?:an|that|this|the|any)|(?:already|all ready) paid|(?:it was|it's been|it has been|this was) paid|i dispute|dispute (?:this|it|that|the)|identity theft|fraud\w*|not mine)\b/,
    // Already paid: a settled debt said any way, or a payment claimed with a time or a proof.
    /\b(?:already|all ready)(?: \w+){0,2} (?:paid|settled|cleared|taken care of|handled|sorted|made (?:\w+ )?payment)|\b(?:paid|settled|cleared|taken care of) (?:\w+ ){0,3}already\b/,
    /\b(?:was|been|is|got) (?:already )?(?:settled|paid off|paid in full|cleared|resolved|closed|written off)\b/,
    /\bi(?:'ve| have| had)?(?: already| just)? (?:paid|settled|cleared)\b(?=.*\b(?:ago|last|before|earlier|yesterday|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|receipt|proof|records?|in full|statement|confirmation|back in|in (?:january|february|march|april|may|june|july|august|september|october|november))\b)/,
    /\b(?:i|we)(?:'ve| have| had)? (?:already )?(?:sent|mailed|wired|transferred|made) (?:\w+ ){0,3}(?:payment|money|check|cheque)\b/,
    // A wrong amount is a dispute of the debt as stated.
    /\b(?:amount|balance|total|figure|bill|number|sum|interest|fees?|charges?)(?: \w+){0,2}?(?:'s| is| was| are)? (?:(?:just|totally|all|completely|way) )?(?:wrong|incorrect|not (?:right|correct)|isn't (?:right|correct)|off|too high)\b|\b(?:wrong|not the right|incorrect) (?:amount|balance|total|figure)\b/,
    // The figure does not tally with the caller's own records, or was never that high.
    /\b(?:doesn't|does not|don't|do not) (?:match|add up|tally)\b|\b(?:never|wasn't|was not|can't be|cannot be) (?:that|this|so) (?:much|high|big)\b/,
    // Charges the caller never agreed to: the amount is disputed, not the debt.
    /\b(?:added|extra|hidden|bogus|junk) (?:fees|charges|interest)\b|\bnever agreed to\b/,
    /\bcharg\w* me (?:too much|twice|extra|for something)|\b(?:only|never) owed?\b|\bowe (?:that|this|so) much\b/,
    // Sure, or told, it was paid; only borrowed a little; not what is owed.
    /\b(?:sure|think|believe|know|thought|told) (?:that )?(?:i|it|this|that) (?:already )?(?:paid|was paid|was closed|was paid off)\b|\bi (?:only )?borrowed\b|\bnot what i owe\b|\bowe (?:way |much |a lot )?less\b/,
    // Not opened by me, said in any tense ("I never open this account", "I didn't sign up for that").
    /\b(?:never|didn't|did not) (?:open|opened|sign(?:ed)? up for|apply for|applied for|take out)\b/,
    // "Payed" is how recognisers and second-language speakers spell "paid".
    /\b(?:already|all ready) payed\b|\bi(?:'ve| have)? payed\b/,
    // The caller's own record reads nothing due: "the balance says zero on my app".
    /\b(?:balance|account|app|statement|bill|it)(?: \w+){0,2} (?:says|shows?|showing|reads) (?:zero|nothing|0|\$0|paid)\b/,
    // The figure rejected, then the caller's record quoted: "that's not right, the statement says two ten".
    /\b(?:that's|that is|it's|this is) (?:not right|wrong|incorrect|not correct)\b.*\b(?:statement|bill|letter|app|records?|receipt|says|shows)\b/,
    // The fees refused, or more than the debt itself: the amount is what is disputed.
    /\bnot (?:paying|going to pay|gonna pay)(?: for)? (?:the|those|these|your|any|all (?:the|those|these)) (?:fees|charges|interest|penalt\w+|late fees)\b|\bmore than (?:what )?(?:i|we) (?:owed|borrowed|spent)\b/,
    /\bnever (?:took out|applied for|borrowed|used|owned)\b|\b(?:don't|do not) recogni[sz]e\b|\bin my name\b|\b(?:a|some) mistake\b|\bmistaken\b/,
  ],
  notAllAtOnce: [
    // "I can't pay it all at once" asks for a plan; the negation is of paying in one go, not of paying.
    // Without one, in one go is offered ("I can pay it all at once") or totalled ("how much all together").
    new RegExp(`(?:n't|\\b(?:not|no|never|cannot|unable|impossible|hard|difficult)|too much)\\b[^.?!]{0,50}?${ONE_GO}|${ONE_GO}[^.]{0,15}(?:\\?|\\bno\\b|not possible|impossible|too much)`),
    // Second-language English: "I no have money for all", "no can pay everything".
    /\b(?:no|not) (?:have|got|can|able)(?: \w+){0,3} (?:for all|all|all of it|everything|the (?:full|whole))\b(?! (?:day|night|week|the time)\b)/,
    // Unable to pay all of it, or not having all of it, is a partial payment offered: "I can't afford the
    // full hundred and twenty", "I haven't got the full amount". Unable to pay any of it is hardship.
    /\b(?:can't|cannot|can not|couldn't|unable to|not able to|won't be able to) (?:\w+ )?(?:pay|afford|do|manage|swing|cover|clear)(?: to pay)? (?:the (?:full|whole|entire|total)|everything|it all|all of it|the (?:whole )?lot)\b/,
    /\b(?:don't|do not|haven't|have not|ain't)(?: got| have)? (?:the (?:full|whole|entire|total)|all of it|it all|all (?:of )?(?:the|that) (?:money|amount|cash))\b|\b(?:only|just) (?:part|some|a part|a portion)(?: of it)?\b/,
    // Part now and the rest later ("a bit now and a bit later", "could I do half").
    // Paying everything is what cannot be done: "paying all of it right now is not possible".
    /\b(?:all of it|the (?:whole|full) (?:amount|balance|thing)|everything)\b[^.?!]{0,25}\b(?:not possible|impossible|too much)\b/,
    /\b(?:some|half|part|a bit|a little|a portion)(?: of it)? now and (?:the rest|the other half|the remainder|some|more|a bit|a little|another)\b|\b(?:do|pay|send) (?:half|a half)\b/,
    // A sum now and the rest later: "fifty now and the rest next month".
    /\bnow and (?:the rest|the other half|the remainder|what's left)\b/,
  ],
  hardship: [
    // "Sick of", "sick and tired of", "sick to death of" are anger at the calls, not illness: the
    // sentiment score reads them, and a hand-off must not tell the agent the caller is ill.
    /\b(?:lost (?:my|a|the) job|laid off|unemployed|out of work|no (?:job|income|money)|(?:can't|cannot|can not) afford|(?:i'm|i am) broke|(?:in|out of) (?:the )?hospital|medical (?:bills|issues|problems|emergency)|(?:i'm|i am|been) (?:sick|ill|disabled)(?! (?:of|and tired|to death)\b)|(?:can't|cannot|unable to) work|hardship|struggling|(?:don't|do not) have (?:the |any )?money)\b/,
    // Unable to pay at all, however hedged ("can't even", "can barely").
    /\b(?:can't|cannot|can not|unable to) (?:even |really )?(?:pay|afford)\b|\bcan (?:barely|hardly) (?:pay|afford|make|get by)\b/,
    /\b(?:money|cash|things)(?:'s| is| are)? (?:really |pretty |very |so )?(?:tight|hard|tough|difficult)\b|\b(?:don't|do not|ain't|haven't|have not)(?: got| have)? (?:it|that kind of money|anything|any money)\b/,
    // UK words for having no money or being off work ill: "skint", "hard up", "off sick", "signed off".
    /\b(?:skint|brassic|hard up|off sick|signed off|on the sick|universal credit)\b/,
    /\b(?:tough|hard|rough|difficult) (?:time|times|patch|spot)\b|\bno way (?:to|i can|of) (?:pay|afford)\b|\bnothing left\b|\b(?:have|got) nothing\b/,
    // A grave illness or its bills: "cancer treatment", "chemo", "dialysis".
    /\b(?:cancer|chemo\w*|dialysis|surgery|stroke|heart attack|(?:treatment|doctor'?s?|hospital) bills)\b|\b(?:live|living|getting by|get by) on (?:only )?(?:social security|a pension|my pension|benefits|disability|ssi)\b/,
    // Second-language English: "I no have money", "no work no money".
    /\bno (?:have|got) (?:any |the )?(?:money|cash|job|work)\b|\bno work\b/,
    /\b(?:between jobs|getting by|scraping by|make ends meet|passed away|funeral|disability|divorce|on benefits|lost (?:my|our) (?:house|home|income))\b/,
    // Income cut or gone, a home lost: "my hours got cut", "fixed income", "evicted".
    /\b(?:hours|pay|wages|income|salary) (?:got |were |was |have been )?(?:cut|reduced)|\bpay cut\b|\bfixed income\b|\bunemployment\b|\bevicted\b|\bhomeless\b|\bforeclos\w+|\bbehind on (?:my )?(?:rent|bills|mortgage)\b/,
  ],
  refusal: [
    // Sarcasm that sounds like a yes or an offer and means no: the words say the opposite.
    /\byeah,? right,? like\b|\blike that(?:'s| is|'ll| will) (?:ever )?(?:gonna |going to )?happen\b|\b(?:i'll|i will) get right on (?:that|it)\b/,
    /\bwhen (?:pigs fly|hell freezes over|i win the lottery)\b|\bin your dreams\b|\bdream on\b|\bgood luck with that\b/,
  ],
  repeat: [
    // The caller did not hear the agent: the agent says it again, the conversation stays where it was.
    /\b(?:say (?:that |it )?again|repeat\b(?! (?:customer|offender))|come again|pardon|what did you (?:just )?say|what was that|(?:didn't|did not|couldn't|can't) (?:catch|hear|get) (?:that|you|it|what you said)|missed (?:that|it|what|the)|one more time|breaking up|cutting out|speak up|(?:a little |a bit )?louder|bad (?:line|connection|signal))\b/,
    // Not understood, or too fast: the same words again, slower.
    /\b(?:(?:didn't|did not|don't|do not) (?:understand|follow)|what do you mean|slow down|more slowly|too fast)\b/,
    // Slower, or the caller's English not up to it: "slower please my english not so good".
    /\bslower\b|\bspeak slow(?:ly)?\b|\bmy english (?:is )?(?:not|no) (?:so |very |too )?good\b|\b(?:no|not) (?:speak|understand) (?:much |good )?english\b/,
    // Read back what was agreed: "can you read that back to me".
    /\bread (?:that|it|this|those|the \w+) back\b/,
    /^\s*(?:hold on|wait|sorry|excuse me|huh|what|you what|say what|repeat)[,.]?\s*(?:what|huh)?\s*\?*\s*$/,
    // "What was the amount again?", "what was the date you said": asking for what was just said.
    /\bwhat(?:'s| was| is)? (?:\w+ ){0,3}again\s*\??\s*$|\bwhat\b(?: \w+){1,4} you (?:just )?said\b/,
    // Going over it again, or the line failing: "run that by me again", "you cut out there".
    /\b(?:go over|go through|run through|read|tell me|give me|explain) (?:that|it|this|those)(?: \w+){0,2} again\b|\brun (?:that|it) (?:by|past) me\b|\b(?:cut|cuts) out\b|\blost you\b/,
    /^\s*(?:eh|pardon me|sorry what)\s*\?*\s*$/,
  ],
  callback: [
    /\b(?:call (?:me )?(?:back|later|another time|tomorrow|again)|(?:not|isn't|is not) a good time|(?<!not a )bad time|(?:i'm|i am) (?:busy|driving|at work|in a meeting)|can't talk(?: right)? now|try (?:me )?(?:again )?later|not now)\b/,
    // Another time, however asked: "try me again on Monday", "can we do this another time".
    /\b(?:try (?:me )?again|(?:another|some other|a better) time|now(?:'s| is) not (?:good|great|a good time)|not (?:good|great) (?:right )?now)\b/,
    // Any "call me" that is no refusal (opt-outs are read first), or the caller calling back.
    /\b(?:call|ring|phone) (?:me|us)\b(?! (?:a |an )?(?:liar|names))|\b(?:i'll|i will|can i|let me) call (?:you )?back\b|\btalk later\b/,
    // US and UK ways to say it: "ring back later", "give me a ring", "try me tomorrow", "now's no good",
    // "in the middle of something"; and the caller calling back ("... and call you back").
    /\b(?:call|ring|phone) back\b|\bcall (?:you|you guys) back\b|\bgive (?:me|us) a (?:call|ring|bell|buzz)\b|\btry me\b|\bnow(?:'s| is) no good\b|\bin the middle of (?:something|a \w+|\w+ing|dinner|lunch|work)\b/,
    // A call later by the clock: "call in an hour", "can you call after five"; opt-outs are read first.
    /\b(?:call|ring|phone)(?: me)?(?: back)? (?:in|after) (?:an?|half an|a few|a couple of|\d+|\w+) (?:hours?|minutes?|mins?)\b|\b(?:can|could|would) you (?:call|ring|phone)(?: back)?\b(?! (?:my|the|a|an|it|that|this)\b)/,
  ],
  plan: [
    /\b(?:instal{1,2}ments?|payment plan|a plan|monthly|(?:per|each|every) month|(?<!in )a month|split (?:it|the|that)|spread (?:it |the payments? |that )?out|smaller payments|in (?:parts|pieces)|part payments?|over \w+ months)\b/,
    // A count of parts, hedged or not: "in 3 payments", "in like 3 goes".
    new RegExp(`\\b(?:in|into|over) (?:(?:like|about|maybe|say) )?${COUNT_WORD} ${PARTS}\\b|\\b\\d+ (?:monthly )?(?:payments|instal{1,2}ments)\\b`),
    // Part now and part later, or little by little: paying over time is a plan.
    /\b(?:some now|half now|part now|part of it|(?:a )?little (?:at a time|each month|every month)|bit by bit|little by little|a bit at a time|over time|break (?:it|that|this) up|every (?:two|2) weeks|in chunks)\b/,
    // Tied to each pay day, or "split in four": paying over time is a plan.
    /\b(?:a bit|a little|some(?:thing)?|\w+) (?:each|every|per) (?:payday|pay day|pay ?check|paycheque)\b|\bsplit (?:it |that |this )?(?:in|into|up)\b/,
    // Second-language English counts parts as times: "pay in three time".
    new RegExp(`\\b(?:in|into) ${COUNT_WORD} times?\\b`),
    // Payments in the plural, small or regular: "do payments", "small payments", "payments of $30".
    /\b(?:small(?:er)?|partial|monthly|weekly|bi-?weekly|regular) payments?\b|\b(?:do|make|set up|arrange) (?:some |monthly |weekly )?payments\b|\bpayments of\b/,
    // A weekly sum, a count of payments, an arrangement to work out ("in a week", "within a week" are dates).
    new RegExp(`(?<!\\b(?:within|in) )\\b(?:a|per|each|every) week\\b|\\bweekly\\b|\\b(?:do|make) ${COUNT_WORD} (?:payments|instal{1,2}ments)\\b|\\barrangement\\b|\\bwork (?:something|it|this) out\\b`),
  ],
  payNow: [
    /\b(?:pay (?:it |this |that |the (?:whole |full )?(?:balance|amount|thing) )?(?:now|today|right now|right away|in full now|immediately|online|by card)|send (?:me )?(?:the |a )?(?:payment )?link|text (?:me )?(?:the |a )?link)\b/,
    // Paying or settling with "now" or "today" a few words on: "pay the whole balance right now"; the
    // agent charging the card is the same ("just take it off my card now").
    new RegExp(`\\b(?:pay|settle|clear|take care of|do (?:it|that|this)|take (?:it|the (?:money|payment|balance))|charge (?:it|me|my card)|run (?:my|the) card)\\b(?: \\S+){0,8}? (?:now|today|tonight|right now|right away|immediately)\\b`),
    // The link, asked for any way; "sent" is how recognisers often hear "send".
    /\b(?:send|sent|text|email|give) (?:me )?(?:the |a |that |your |this )?(?:payment |pay )?link\b|\b(?:send|text) (?:it|that) (?:to me|over|to my phone|by (?:text|sms|message|email))\b/,
    // Done with it at once, or where to pay it: "let me just get it over with, what's the website".
    /\bget (?:it|this|that) over with\b|\b(?:what's|what is|give me) (?:the|your) (?:website|web ?site|web address|site|url)\b/,
  ],
  factQuestion: [
    // A yes/no question about an obligation or a consequence is answered, whatever it names: "do I
    // have to pay it all today", "does this go on my credit report", "is there any interest on this",
    // "don't you have to send me a letter first". Leave to pay ("is it ok if I pay Friday") is an offer.
    new RegExp(`^\\s*${FILLER}(?:do|must|will) (?:i|we) (?:have|need|got) to\\b`),
    new RegExp(`^\\s*${FILLER}(?:does|do|did|will|would|is|was) (?:this|that|it) (?!(?:ok|okay|alright|all right|fine|possible|work|works|be)\\b)`),
    new RegExp(`^\\s*${FILLER}(?:is|are) there\\b(?! (?:a |any |some )?(?:way|chance|option|possibility)\\b)`),
    new RegExp(`^\\s*${FILLER}(?:don't|doesn't|didn't|isn't|aren't|shouldn't) (?:you|it|this|that|there|they)\\b`),
  ],
  methodQuestion: [
    // "Can I pay by card?" asks how, and is answered; paying now is said with "now" or "today".
    /^\s*(?:can|could|do|does|may) (?:i|you|we) (?:pay|take|accept|use)\b.*\b(?:cards?|credit|debit|check|cheque|paypal|venmo|zelle|apple pay|bank transfer|transfer|wire|cash|money order|direct debit|standing order|online banking)\b(?!.*\b(?:now|today)\b)/,
  ],
  promise: [
    /\b(?:(?:i'll|i will|i can|i could|i'm going to|i am going to|i'm gonna|let me|i should be able to|i promise to) (?:make a |send (?:a |the )?)?(?:pay|payment|send)|promise to pay|(?:pay|payment) (?:on|by|next|this|tomorrow|before|at the end)|when i get paid|on payday)\b/,
    new RegExp(`\\b(?:i'll|i will) (?:be able to )?(?:pay|have|get|send) ${THE_DEBT}\\b`),
    // Paying when money comes in is a promise without a date: "I can do it when my check clears".
    /\b(?:when|once|as soon as|after) (?:i get paid|(?:my|the) (?:pay ?check|paycheque|check|cheque|pay|wages?|salary|benefits?|tax refund|refund|deposit|loan)(?: \w+){0,2} (?:clears?|comes? in|arrives?|lands?|hits?|goes through|is in))\b/,
    // Naming the day money comes in, when asked when: "I get my pension the first of the month".
    /\b(?:i|we) get (?:my|our|the) (?:pension|social security|ssi|benefits?|pay ?check|paycheque|check|cheque|wages?|salary|bonus|disability|unemployment|money)\b|\b(?:my|our) (?:pension|social security|ssi|benefits?|pay ?check|check|cheque|wages?|salary|bonus|disability|unemployment) (?:comes|arrives|goes in|gets in|hits|lands|is paid|is deposited)\b/,
    // Second-language tenses and a dropped "am": "I will paid it tomorrow", "I going to pay".
    /\b(?:i|we) (?:will|can|could|shall|would|going to|gonna)(?: to)? (?:paid|pays)\b|\b(?:i|we) (?:going to|gonna) (?:pay|send)\b/,
    // An offer put as a question: "how about I pay thirty on Monday?".
    /\b(?:how|what) about (?:if )?(?:i|we) (?:pay|send|give|do|make)\b/,
  ],
  greeting: [
    // "Hallo", "hullo": how older and second-language speakers say it, and recognisers write it.
    new RegExp(`^\\s*${FILLER}(?:(?:yeah|yes)[,.]?\\s+)?(?:(?:${HELLO}|hi|hey|hiya)(?:[\\s,.!?]+good (?:morning|afternoon|evening))?|good (?:morning|afternoon|evening))(?:\\s+there)?[\\s,.!?]*(?:${HELLO}[\\s,.!?]*)?$`),
    // A household answering by its name ("yes, hello, the Miller residence"): a pick-up, no one named yet.
    new RegExp(`^\\s*${FILLER}(?:(?:yeah|yes)[,.]?\\s+)?(?:${HELLO}[,.]?\\s+)?(?:this is )?the [a-z]+ (?:residence|household|house)\\b`),
  ],
  identity: [
    /\b(?:speaking|this is (?:she|he|her|him|me)|that's me|it's me|that is me|you've got (?:her|him|me)|(?:yes|yeah),? (?:it is|i am|this is))\b|^\s*(?:i am|i'm)\s*[.!]?\s*$/,
    // "That would be me", "yep, this is Jane", "Jane speaking": the name itself is checked by verification.
    /\byou(?:'ve)? got (?:her|him|me|the right person)\b|^\s*this is [a-z]+[,.]?\s+(?:yes|yeah|yep|speaking)\s*[.!]?\s*$/,
    // "Jane here", "you're talking to her": the answer names or points at the one asked for.
    /^\s*(?!(?:nobody|no|not|she|he|they|who|nothing|someone)\b)[a-z]+ here\s*[.!]?\s*$|\byou(?:'re| are) (?:talking|speaking) (?:to|with) (?:her|him|me)\b/,
    // Second-language forms: "yes is me", "I am Jane yes", "yes me".
    /^\s*(?:(?:yes|yeah|yep|si)[,.]?\s+)?(?:is|it is|am) (?:me|i|him|her)\b|^\s*(?:yes|yeah)[,.]?\s+me\s*[.!]?\s*$/,
    /^\s*(?:i am|i'm|it's) (?!(?:busy|fine|good|ok|okay|here|listening|driving|working|sorry|sure|not|at|in|on)\b)[a-z]+[,.]?\s+(?:yes|yeah|yep|speaking)\s*[.!]?\s*$/,
    /\b(?:that|it)(?: would|'d| will|'ll) be me\b|^\s*(?:yes|yeah|yep|yup)[,.]?\s+(?:this is|it's|i'm) [a-z]+(?: [a-z]+)?\s*[.!]?\s*$|^\s*[a-z]+ speaking\s*[.!]?\s*$|\b(?:i am|i'm) (?:she|he)\b/,
  ],
  deny: [
    new RegExp(`(?:^|[,.!?;]\\s*)${FILLER}(?:no|nope|nah)\\b(?!\\s+(?:problem|worries))|\\b(?:not really|no thanks|i don't think so|negative|nothing else|that's everything|bye|goodbye|see ya|see you later)\\b`),
    // Rejecting what was recapped or offered.
    /\b(?:that's|that is|it's) (?:not right|wrong|incorrect|not correct|not what i said)\b|\bnot interested\b|\b(?:i'd|i would) rather not\b|\b(?:i'll|i will) pass\b|\b(?:absolutely|definitely) not\b|\bno way\b/,
    // "Yeah, no" is a no; "not quite" rejects the recap.
    new RegExp(`^\\s*${FILLER}(?:yeah|yes|ya)[,.]?\\s+(?:no|nah|nope)\\b(?!\\s+(?:problem|worries))|^\\s*${FILLER}(?:no[,.]?\\s+)?not (?:quite|exactly)\\b`),
  ],
  affirm: [
    /\b(?:yes|yeah|yep|yup|sure|ok|okay|alright|all right|correct|that's right|of course|absolutely|definitely|sounds good|go ahead|uh-huh|mm-hmm|please do|that works|works for me|no problem|no worries)\b/,
    // Hedged yeses are yeses; "not a bad time" and "I don't see why not" are double negations. A
    // hedge alone ("probably next week") qualifies the terms it comes with, and is no yes.
    /\b(?:i guess(?: so)?|i suppose(?: so)?|i think so|okie|okey|fine|you got it|(?:i )?(?:don't|do not) see why not|why not|not a bad time)\b|^\s*(?:that's )?(?:right|exactly)\s*[.!]?\s*$/,
    // Agreeing emphatically: "that's it exactly", "spot on"; not "what is this for exactly", which asks.
    /^\s*(?:(?:yes|yeah|yep)[,.]?\s+)?(?:(?:that's|that is) (?:it|right|the one)[,.]?\s+)?(?:exactly|precisely|spot on|bang on)\b|^\s*that's the one\b/,
    // Taking what was proposed: "I can do that".
    /^\s*(?:(?:yes|yeah|yep|ok|okay)[,.]?\s+)?(?:i|we) (?:can|could) (?:do|manage) (?:that|it)\s*[.!]?\s*$/,
    // Spellings recognisers give "yeah" (and the northern UK "aye"); UK "go on then"; double negations
    // that agree ("that's not wrong", "I don't disagree").
    /\b(?:ya|yea|yeh|yah|aye|go on(?: then)?)\b|\b(?:that's|that is|it's|you're) not wrong\b|\b(?:i )?(?:don't|do not) disagree\b/,
  ],
  greetOpening: [new RegExp(`^\\s*(?:${HELLO}|hi|hey|good (?:morning|afternoon|evening))\\b`)],
  question: [
    /\?\s*$/,
    new RegExp(`^\\s*${FILLER}(?:(?:wait|sorry|and|but|ok|okay|hold on)[,.]?\\s+)*(?:what|who|why|how|when|where|which|is this|are you|can you|could you|do you|does|did you|have you|is there|are there|is that|do i|should i|am i)\\b`),
  ],
  // Someone paying for the caller ("my son said he'd have it by the 15th") commits as the caller would;
  // "paid" after a modal is a second-language "pay" ("I will paid it tomorrow").
  commitment: [
    new RegExp(
      `\\b(?:i|we|he|she|they)(?:'ll| will| can| could| should| would|'d| might|'m going to| am going to|'s going to| is going to|'re going to|'m gonna|'m able to| am able to)? (?:(?:be able to|try to|probably|definitely|maybe|just) )*(?:pay|paid|do|manage|swing|put (?:\\w+ )?down|send|give|get (?:it|that|you)|have (?:it|that|the money)|take care of|cover|handle|make|transfer|wire|deposit|mail|come up with|clear|settle)\\b`,
    ),
    // The subject dropped ("could do fifty on Saturday"), or the verb ("Monday I can").
    new RegExp(`^\\s*${FILLER}(?:(?:yeah|yes|ok|okay)[,.]?\\s+)?(?:can|could|will|should be able to) (?:(?:probably|maybe|definitely|just) )?(?:pay|do|manage|swing|send|give|cover|make)\\b`),
    /\b(?:i|we) (?:can|could)(?: do (?:it|that))?\s*[.!]?\s*$/,
    // A date put forward, when the question was when: "let's say the 12th", "make it Friday", "how about Monday".
    /\b(?:let's|let us) (?:say|make it|do|go with|go for)\b|\bmake it\b|\bput me down for\b|^\s*(?:how|what) about\b/,
    // A date said to suit, when the question was when: "Friday works for me", "the 10th is fine".
    /\b(?:works|would work|should work|suits me|is (?:fine|good|ok|okay|doable|best))\b/,
  ],
};

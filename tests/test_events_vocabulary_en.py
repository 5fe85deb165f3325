"""Events: how people tell career happenings in English, kind by kind, across occupations.

Sentences written for these tests (not taken from any corpus): first and third person, past
tense with irregular verbs, many lines of work (site engineer, pilot, pharmacist, nurse,
teacher, PhD student, courier, chef, lawyer, soldier, streamer …) and the mixed Chinese–English
of people in tech. Each sentence is parsed as a whole document, as in real use.
``HAPPENINGS`` must give exactly one kind of event, the one named; ``NOT_EVENTS`` (plans,
hypotheticals, denials, general statements, nouns that only contain an event word) give none.
"""

from __future__ import annotations

import functools

import pytest
from extract_helpers import builtin_host, topics_host

import careernarr


@functools.cache
def _kinds(text: str) -> tuple[str, ...]:
    return tuple(e.kind for e in careernarr.parse(text, host=builtin_host()).events)


HAPPENINGS: dict[str, list[str]] = {
    "job_start": [
        "I became a police officer in 2004.",
        "He was brought in as head of sales in 2019.",
        "She started teaching English at a school in Hangzhou in 2018.",
        "In 2020 I signed on as a courier with DPD.",
        "我是 2019 年 join 的阿里。",
        "In 2016 I took a job as a site engineer with a rail contractor.",
        "She joined Emirates as cabin crew in 2014.",
        "He landed a job at a Big Four firm straight out of university.",
        "In September 2019 I began my residency in internal medicine.",
        "I got my first teaching post at a secondary school in Leeds.",
        "He was taken on as an apprentice electrician at the plant.",
        "I signed up to drive for Uber in the spring of 2020.",
        "After the bar exam she started as an associate at a Manhattan firm.",
        "I started work at the Nissan plant in Sunderland in 2005.",
        "In 2021 I went back to work at a hospital pharmacy.",
        "She enlisted in the army at eighteen.",
        "I joined the civil service in 2008.",
        "I was recruited by McKinsey in 2014.",
        "My first shift on the cardiac ward was in August 2012.",
        "Last year I got a job stacking shelves at Tesco.",
        "我 2021 年 join 了一家 startup。",
        "三月份我在字节 onboard 了。",
        "In 2019 she was appointed as a lecturer in Glasgow.",
        # moving to another employer of the same trade: a new job, not a move of home
        "In 2015 I moved to a larger regional hospital as a staff nurse.",
        "In 2011 she moved to a bigger dealership across town.",
        "In 2014 she began work with a rural health trust in Devon.",
    ],
    "job_end": [
        "I left Amazon in 2021.",
        "My fixed-term contract ended in August 2019.",
        "I handed in my badge and walked out.",
        "I packed in the job at the call centre in 2016.",
        "我上个月 resign 了。",
        "I handed in my notice at the council in May 2023.",
        "She was made redundant when the branch closed.",
        "After the merger he was let go along with half the newsroom.",
        "I walked off the job in the middle of service.",
        "My contract wasn't renewed in 2021.",
        "He got the sack after the stocktake.",
        "In 2019 I left the army after twelve years.",
        "She retired from nursing in 2020.",
        "I stopped driving for Deliveroo last spring.",
        "We closed the restaurant for good in March 2020.",
        "He was dismissed for gross misconduct in 2018.",
        "The studio shut down in 2023 and all forty of us lost our jobs.",
        "In 2017 I gave up my job at the bank.",
        "He was pushed out by the new editor in 2016.",
        "My position was eliminated in the January cuts.",
        "I worked my last shift at the warehouse in June.",
        "我去年被 laid off 了。",
        "我 2023 年被 layoff 了。",
    ],
    "transfer": [
        "I switched from the night shift to days in 2019.",
        "In 2016 the paper moved me to the business desk.",
        "I was switched to the A320 fleet in 2015.",
        "我去年 transfer 到了 Ads 组。",
        "In 2020 I was moved to the night desk.",
        "She was seconded to the Treasury for two years.",
        "He was posted to Kandahar in 2009.",
        "I moved over to the product side in 2021.",
        "They relocated me to Singapore in 2018.",
        "I was redeployed to the Covid ward in April 2020.",
        "She transferred internally to the payments team.",
        "In 2015 they moved me from sales to marketing.",
        "I took a secondment with the regulator in 2019.",
        "去年我做了 internal transfer，去了 infra 组。",
    ],
    "promotion": [
        # the title given names a rise, not the shop or the yard the title is of
        "In 2011 the owners made me yard foreman.",
        "In 2018 they made me shop superintendent.",
        "He was named chief executive in 2021.",
        "I got my first management job in 2016.",
        "She was elevated to partner in 2020.",
        "我 2022 年 promo 到 L6 了。",
        "She was promoted to head of department in 2019.",
        "I got bumped up to senior in 2020.",
        "I made captain in 2016.",
        "He was given tenure in 2018.",
        "I went from L5 to L6 in the last cycle.",
        "She was appointed head of nursing in 2021.",
        "I stepped up to team lead in 2022.",
        "He rose through the ranks to become editor.",
        "I got a pay rise in April.",
        "In 2018 I was made a director.",
        "She made sergeant in 2012.",
        "I took over as head chef in 2017.",
        "我今年 promo 了，L5 升到了 L6。",
        "我 L5 → L6 了。",
    ],
    "leave": [
        "I took the whole of August off.",
        "我请了两周 PTO 去日本。",
        "I was signed off sick for six weeks in 2022.",
        "He took six months of unpaid leave to care for his father.",
        "She was off work for three months with her back.",
        "I was off sick for most of February.",
        "I took a year out to travel in 2015.",
        "In 2022 I took two weeks of annual leave.",
        "I took compassionate leave in 2021.",
        "I went travelling for six months in 2016.",
        "I took the summer off in 2019.",
        "I took a mental health day last Friday.",
        "我 2023 年请了 sick leave。",
    ],
    "support": [
        "I joined a mentoring scheme for women in engineering.",
        "I started seeing a counsellor through work.",
        "He got a career coach in 2020.",
        "I started CBT last spring.",
        "My manager referred me to occupational health.",
        "A senior engineer took me under her wing.",
        "She began seeing a psychologist after the accident.",
        "I joined a support group for burned-out nurses.",
        "我去年开始看 therapist 了。",
    ],
    "review": [
        # an award for one's work is recognition of it
        "She won an award for her reporting in 2019.",
        "In 2021 she won a regional award for volunteer management.",
        "今年 perf 拿了 exceeds。",
        "My manager put me on a PIP in 2022.",
        "I got a 'needs improvement' rating in my mid-year review.",
        "She passed her probation in six months.",
        "I got a written warning in 2019.",
        "I failed my check ride in 2017.",
        "I had my end-of-year review in December.",
        "He was graded outstanding in his lesson observation.",
        "我被 PIP 了。",
        "我的 manager 给了我一个 PIP。",
    ],
    "job_search": [
        "I got a job offer from a hedge fund in 2020.",
        "I started looking for a new job in January.",
        "I applied for forty jobs in two months.",
        "I got the offer on a Friday.",
        "She interviewed with three airlines before Ryanair took her.",
        "I sent out CVs to every practice in the county.",
        "He signed on at the jobcentre in 2009.",
        "I was headhunted by a rival bank in 2018.",
        "I did a trial shift at a restaurant in Soho.",
        "I spent four months looking for work.",
        "I was shortlisted for the deputy head job.",
        "I got an offer from ByteDance.",
        "我拿到了 ByteDance 的 offer。",
    ],
    "overwork": [
        "I did a 14-hour shift on Christmas Day.",
        "我们 crunch 了整整三个月。",
        "We were in crunch for six months before the game came out.",
        "I was working 80-hour weeks on the audit.",
        "During busy season I billed 3,000 hours.",
        "I slept at the office more than once that year.",
        "I worked through Christmas in 2019.",
        "I was doing the job of three people.",
        "She pulled a double every weekend that summer.",
        "I marked essays until 2am most nights.",
    ],
    "conflict": [
        "I clashed with the head chef constantly.",
        "She filed a grievance against her line manager.",
        "He reported his manager to HR in 2020.",
        "My supervisor took credit for my work.",
        "The consultant humiliated me in front of the whole ward.",
        "I got into a row with my editor over the headline.",
        "A colleague threw me under the bus.",
        "He was scapegoated for the outage.",
        "I took my employer to an employment tribunal.",
        "A customer spat at me in 2021.",
        "I butted heads with the principal all year.",
        "We went on strike in 2022.",
    ],
    "health": [
        "He broke his leg falling from scaffolding in 2017.",
        "I burned out in 2021.",
        "She was diagnosed with breast cancer in 2017.",
        "I was hospitalised with pneumonia.",
        "I developed RSI from years at the keyboard.",
        "He hurt his back lifting boxes in the warehouse.",
        "I had a heart attack at 42.",
        "I started antidepressants in 2020.",
        "I developed tinnitus after years in the pit.",
        "I caught covid in 2022.",
        "I fainted in the middle of a shift.",
        "She suffered a stroke in 2019.",
        "He came back from Afghanistan with PTSD.",
        "I put my back out lifting a patient.",
        "我 2022 年 burnout 了。",
    ],
    "education": [
        "He earned his pilot licence in 2009.",
        "She completed her nurse training in 2009.",
        "我 2020 年读了个 online master。",
        "I passed the bar in 2015.",
        "She defended her thesis in May.",
        "I qualified as a chartered accountant in 2012.",
        "I went back to uni at 35.",
        "I dropped out of my PhD in 2019.",
        "She did a PGCE in 2015.",
        "I finished my apprenticeship in 2008.",
        "I got my HGV licence in 2016.",
        "I was accepted into an MFA program in 2011.",
        "She taught herself to code during lockdown.",
        "I was called to the bar in 2010.",
        "He passed his viva in 2020.",
        "I learned to code at 40.",
        "我 2019 年读了个 part-time MBA。",
    ],
    "creator": [
        "He self-released his first album in 2018.",
        "I launched a podcast about product management in 2020.",
        "I went freelance in 2018.",
        "She set up her own practice in 2012.",
        "We opened a restaurant in 2016.",
        "I released my first game on Steam in 2019.",
        "I started streaming on Twitch in 2020.",
        "He self-published a novel in 2017.",
        "I became self-employed in 2014.",
        "I went out on my own in 2019.",
        "I landed my first client in March.",
        "I opened a bakery with my sister in 2015.",
        "She got a book deal in 2020.",
        "我去年开了个 newsletter。",
    ],
    "career_change": [
        "At 40 I became a teacher after 15 years in sales.",
        "I made the switch from teaching to instructional design in 2021.",
        "我 2021 年从 SDE 转 PM。",
        "I retrained as a nurse at 40.",
        "I left accounting to become a chef.",
        "I got out of finance in 2019.",
        "She quit teaching in 2018 and never looked back.",
        "I made the leap from engineering to product in 2020.",
        "He went into teaching after the army.",
        "I left journalism in 2015.",
        "I changed career at 45.",
    ],
    "family": [
        "My daughter was born in 2018.",
        "We got married in June 2016.",
        "My father fell ill in 2020.",
        "I had a baby in 2019.",
        "My mum died in 2021.",
        "We split up in 2020.",
        "We lost the baby in 2017.",
        "We started IVF in 2018.",
        "In 2016 we adopted a little boy.",
        "She gave birth to twins in 2014.",
        "我老婆 2020 年 had a baby。",
    ],
    "project": [
        "She led the construction of a new school in 2018.",
        "I delivered the new ticketing system for the council.",
        "We shipped the game in October 2019.",
        "I led the rollout of the new patient records system.",
        "We topped out the tower in March 2018.",
        "She won the tender for the new library in 2017.",
        "I broke the story in 2014.",
        "We closed the deal in 2021.",
        "We won the case in 2019.",
        "我负责的 project 去年上线了。",
    ],
    "other": [
        "我的 RSU cliff 是去年 3 月。",
        "We moved to Berlin in 2017.",
        "I bought my first flat in 2020.",
        "I emigrated to Canada in 2012.",
        "I got my citizenship in 2021.",
        "My RSUs vested in 2022.",
        "I published a paper in Nature in 2018.",
        "I won a grant in 2020.",
        "I gave a talk at PyCon in 2019.",
        "I paid off my student loans in 2021.",
    ],
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, ts in HAPPENINGS.items() for t in ts])
def test_a_told_happening_is_an_event_of_its_kind(kind: str, text: str) -> None:
    assert set(_kinds(text)) == {kind}, _kinds(text)


NOT_EVENTS = [
    # surgery as a specialty
    "My plan was two years of general practice, then a surgery residency.",
    # plans and wishes
    "I want to quit my job.",
    "I'm planning to go freelance next year.",
    "I hope to make partner by forty.",
    "She's thinking about retraining as a nurse.",
    "I'd like to apply for the headteacher post.",
    "One respondent said she had considered quitting.",
    "我想跳槽去 startup。",
    "我想 quit，但是还没想好。",
    # hypotheticals
    "If I get laid off, I'll go back to school.",
    "If they put me on a PIP, I'll resign.",
    "If I burn out again I will take a sabbatical.",
    # denials
    "I didn't quit.",
    "I never got promoted.",
    "I never resigned.",
    "He didn't get the job.",
    "I was never promoted.",
    "She was not made redundant.",
    # general statements
    "Quitting isn't failure.",
    "Burnout is common among nurses.",
    "Layoffs are part of the industry.",
    "Freelancing is not for everyone.",
    # a study's aggregate, not one person's happening
    "Participants described frequent overtime and little support.",
    "Teachers in the sample worked an average of 52 hours a week.",
    # nouns and everyday uses that only contain an event word
    "The interview process was long.",
    "The project manager approved the budget.",
    "Just leave it, she said.",
    "I had to leave the office early to pick up my son.",
    "Of course I stayed until the end.",
    "To some degree I agreed with her.",
    "I ran pip install and it worked.",
    "I worked as a doctor in a rural clinic.",
    "I worked at a county hospital for six years.",
    "She was in-house counsel at a bank.",
    "I was sick of the commute.",
    "We interviewed thirty social workers for the study.",
    "In this interview, she talks about her work.",
    "I did a code review for a colleague.",
    "The firm was founded by two brothers.",
    "I raised a concern about the rota.",
    "The partners decided to expand the office.",
    "I worked onsite at the client's plant.",
    "The app raised money from investors.",
    "I switched to a standing desk in March.",
    "I also switched from VS Code to Zed.",
    "My manager said I was on track for promotion.",
    "Nurse C, a newly qualified nurse, said the programme had helped.",
    "Contractors made up to 40% of the team.",
    "After two years in London, I became more confident.",
    "We adopted a new framework for planning.",
    "I took my jacket off and sat down.",
    "The index was posted to Slack every morning.",
    "Interviews were transcribed and coded thematically.",
    # English words in Chinese sentences that tell no happening
    "这个 PR 的 review 拖了一周。",
    "我们下周有个 1:1。",
    "PIP 是什么意思？",
    "如果被 layoff 了怎么办？",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_plans_hypotheticals_denials_notions_and_nouns_are_not_events(text: str) -> None:
    assert _kinds(text) == ()


@pytest.mark.parametrize(("text", "kind"), [
    ("我 2022 年底被 laid off，拿了 N+1。", "job_end"),
    ("我 2021 年做了 internal transfer 去 infra。", "transfer"),
    ("我今年 L5 → L6。", "promotion"),
    ("我 2021 年 3 月 onboard 到字节。", "job_start"),
])
def test_english_words_in_a_chinese_sentence_are_read_with_the_english_lexicon(text: str, kind: str) -> None:
    """Every built-in lexicon is applied to every text: the English one finds its words in Chinese
    sentences, and the Chinese cues (了, 被, 如果, 想) say whether they happened."""
    events = careernarr.parse(text, host=builtin_host()).events
    assert [(e.kind, e.rule.split(":")[0]) for e in events] == [(kind, f"en.events.{kind}")]


@pytest.mark.parametrize(("text", "kind"), [
    ("In June 2021 she qualified.", "education"),
    ("In 2019 we pitched to a new client.", "project"),
    ("In 2018 my mother moved in with us.", "family"),
])
def test_a_topic_word_names_the_kind_of_a_dated_happening(text: str, kind: str) -> None:
    """A dated sentence that tells something done without an event word is a 'dated happening';
    the English hints (qualified, a client, my mother) name its kind instead of ``other``."""
    events = careernarr.parse(text, host=topics_host()).events
    assert [e.kind for e in events] == [kind]
    assert events[0].rule.startswith("dated happening;") and events[0].rule.endswith("(hint)")

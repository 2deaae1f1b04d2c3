#include "ClinicalNotes.h"

#include <vector>

namespace hearth::sandbox {

namespace {

struct NoteTemplate
{
    const char *code; // reason code, "" = any other reason
    std::vector<const char *> history;
    std::vector<const char *> exam;
    std::vector<const char *> plan;
};

// {reason} is replaced by the reason's display text. Lines are synthetic, typical of UK primary care notes.
const std::vector<NoteTemplate> &templates()
{
    static const std::vector<NoteTemplate> t = {
        {"49727002", // cough
         {"c/o cough 5/7, dry, worse at night. No SOB, no haemoptysis. Eating and drinking well.",
          "c/o productive cough 10/7 with green sputum, mild fever at home. Non-smoker. No chest pain.",
          "Cough since URTI 3/52 ago, slowly improving. Some tickle in throat. No wheeze."},
         {"O/E chest clear, good air entry bilaterally. Temp 37.1. Throat mildly red. NAD.",
          "O/E apyrexial, sats 98% RA, RR 14. Chest: few scattered wheezes, no crackles.",
          "O/E well, chest clear. ENT NAD."},
         {"Likely viral URTI. Reassured, fluids, paracetamol PRN. Safety net advice given. F/U if not settling 2/52.",
          "Self-limiting cough. Honey and lemon, simple linctus. Return if SOB or fever.",
          "Explained usual course of post-viral cough (3-4/52). F/U PRN."}},
        {"279039007", // low back pain
         {"c/o low back pain 1/52 after lifting boxes at home. No leg pain, no numbness, bladder and bowels normal.",
          "LBP on and off 3/52, worse sitting at desk. No red flags."},
         {"O/E walks normally, tender L paraspinal muscles, SLR 80 deg bilaterally, power and reflexes normal.",
          "O/E reduced lumbar flexion, no midline tenderness. Neuro exam NAD."},
         {"Mechanical LBP. Keep active, heat, regular analgesia. Back leaflet given. Self-referral to physio if not improving 4/52.",
          "Simple back pain. Ibuprofen with food 5/7 if needed. F/U 2/52 if no better."}},
        {"25064002", // headache
         {"c/o headache 2/52, band-like, worse end of day, screen work. No visual change, no vomiting.",
          "Hx of migraine. c/o more frequent headaches this month (4-5 per month), usual aura. Sleep poor.",
          "Tension-type headaches, better with paracetamol. Drinking little water at work."},
         {"O/E BP normal, fundi not seen clearly but no concerns, neuro exam NAD.",
          "O/E alert, well, cranial nerves grossly intact. No neck stiffness."},
         {"Likely tension-type headache. Advice re posture, fluids, screen breaks, limit analgesia to avoid MOH. Headache diary. F/U 4/52.",
          "Migraine. Continue triptan at onset, discussed triggers. Consider prophylaxis if > 4/month. TCI 6/52."}},
        {"84229001", // fatigue
         {"c/o tiredness 2/12, busy at work, young children at home. Mood OK. No weight loss.",
          "Feeling tired all the time, some low mood, sleeping 6 hrs. Appetite normal."},
         {"O/E looks well, not pale. Thyroid not enlarged. BP normal.",
          "O/E NAD. PHQ-9 done, score low."},
         {"Bloods: FBC, U&E, LFT, TFT, ferritin, HbA1c, vit D. Sleep hygiene advice. F/U with results 2/52.",
          "TATT likely lifestyle related. Routine bloods requested. Review with results."}},
        {"195967001", // asthma
         {"Asthma review. Using salbutamol 1-2x/week, no night waking. Inhaler technique checked and good. Has written asthma plan.",
          "Asthma review. Worse with recent cold, using reliever daily this week. No hospital admissions in past 12/12.",
          "Annual asthma review. Well controlled, ACT score 23. Flu vaccine up to date."},
         {"O/E chest clear. PEFR {PEF} L/min.", "O/E mild expiratory wheeze, no resp distress. PEFR {PEF} L/min."},
         {"Continue current inhalers. Reviewed asthma action plan. TCI 12/12 for asthma review, sooner if needed.",
          "Step up preventer for 4/52 then review. Return if needing reliever > 3x/week."}},
        {"182836005", // medication review
         {"Medication review. Taking all meds as prescribed, no side effects reported. Ordering repeats via app.",
          "Annual medication review by phone. Happy with current meds. Reminded about repeat ordering online."},
         {"BP {BP}.", "Not examined."},
         {"Repeats re-authorised for 12/12. Next review due in 1 year.",
          "Meds reconciled, no changes. F/U at next chronic disease review."}},
        {"40930008", // hypothyroidism
         {"Thyroid review. On levothyroxine, feels well, energy good. Taking on empty stomach.",
          "Hypothyroidism F/U. Some tiredness, weight stable. Checking compliance - good."},
         {"O/E well. Pulse 72 reg.", "No goitre. Skin and hair normal."},
         {"TFTs in range. Continue same dose. Annual TFTs.", "Repeat TFTs 6/52 then review dose."}},
        {"38341003", // hypertension
         {"HTN review. Home BP readings mostly 130s/80s. No headaches or chest pain. On ramipril, no cough.",
          "BP check. Has been doing more walking. Salt intake reduced."},
         {"O/E BP {BP}. HS I+II+0. No ankle oedema.", "BP {BP} (sitting, 2nd reading). Pulse regular."},
         {"BP at target. Continue ramipril. U&E annually. Review 12/12.",
          "Slightly above target - lifestyle advice, recheck 4/52 with home readings."}},
        {"55822004", // hyperlipidaemia
         {"Lipids review. On atorvastatin, no muscle aches. Diet discussed.",
          "Cholesterol F/U after starting statin 3/12 ago. Tolerating well."},
         {"Wt {WT} kg.", "Not examined."},
         {"Lipids improved. Continue atorvastatin 20mg. Annual bloods.", "LFT normal on statin. Continue. Review 12/12."}},
        {"44054006", // type 2 diabetes
         {"Diabetes review. HbA1c trend discussed. Taking metformin with meals, mild GI upset early on, now settled.",
          "DM annual review. Feet checked, no numbness. Retinal screening up to date. Diet improving.",
          "Diabetes F/U. Attends walking group twice a week. Home readings not done."},
         {"O/E BP {BP}. Wt {WT} kg. Feet: pulses palpable, monofilament normal.", "BP {BP}. Foot check NAD."},
         {"Continue metformin. HbA1c, U&E, lipids, urine ACR in 6/12. Structured education offered.",
          "Discussed targets and diet. Referral to DESMOND course. TCI 6/12 for review."}},
        {"410620009", // well child visit
         {"Child health check with mum. Eating and sleeping well, developing normally. No concerns from parent.",
          "Routine check. Growing well along centiles. Active, playing, talking in sentences."},
         {"O/E well, happy child. Ht and wt plotted on centile chart. Heart sounds normal, chest clear.",
          "O/E alert and interactive. Growth on 50th centile. NAD."},
         {"Reassured. Routine immunisations discussed. F/U PRN.", "Next routine check as per schedule. Parent happy."}},
        {"33879002", // immunisation visit
         {"Routine childhood immunisations. Parent consented, no current illness, no previous reactions.",
          "Attended for scheduled vaccines with parent. Well today, apyrexial."},
         {"Vaccines given: {VACC}. Observed 15 min, no reaction.", "Given: {VACC}. Batch numbers recorded."},
         {"Post-vaccine advice and paracetamol advice given. Next imms as per schedule.",
          "Leaflet given. TCI for next routine vaccines when due."}},
        {"33879002a", // adult vaccination clinic
         {"Attended vaccination clinic. Well today, no previous reactions, no allergies to vaccine components.",
          "Seasonal vaccine clinic. Consented verbally, eligibility checked."},
         {"Given: {VACC}, L deltoid IM. No immediate reaction.", "{VACC} given R deltoid. Observed, well."},
         {"Post-vaccine advice given: sore arm and mild fever can happen for 1-2 days. F/U PRN.",
          "Recorded and leaflet given. Next due as per national programme."}},
        {"72892002", // pregnancy
         {"Positive home pregnancy test, LMP approx 7/52 ago. Feeling well, some nausea. Taking folic acid.",
          "Early pregnancy, planned. No bleeding or pain. Hx of asthma, well controlled."},
         {"BP {BP}. Urine dip NAD.", "O/E well. BP {BP}."},
         {"Self-referral to midwife given. Continue folic acid, start vit D. Booking bloods with midwife. Asthma meds safe to continue.",
          "Midwife booking arranged. Pregnancy advice leaflet. F/U PRN."}},
        {"271737000", // anaemia
         {"T/C re blood results: Hb low, ferritin low. Heavy periods recently. Otherwise well, no GI symptoms.",
          "FBC shows low Hb. c/o tiredness and some SOB on stairs."},
         {"Not examined.", "O/E mild pallor, chest clear, abdo soft non-tender."},
         {"Iron deficiency anaemia. Rx {RX}. Repeat FBC and ferritin 4/52. Dietary advice given.",
          "Start oral iron, Rx {RX}. Recheck bloods 1/12, F/U with results."}},
        {"58703003", // postnatal depression
         {"6/12 postpartum. Low mood, tearful, tired, baby feeding well. Good support from partner. No thoughts of harm.",
          "Postnatal check. Mood low for 4/52. Sleeping poorly with baby."},
         {"EPDS 14. Engaging well, good eye contact.", "Appears tired, mood low, reactive. Safe."},
         {"Self-referral to talking therapies, HV informed with consent. F/U 2/52. Crisis numbers given.",
          "Discussed options, prefers talking therapy first. Review 2/52."}},
        {"235595009", // reflux
         {"c/o heartburn after meals 6/52, worse lying down. No dysphagia, no weight loss.",
          "Indigestion and acid reflux, using antacids most days."},
         {"O/E abdo soft, mild epigastric tenderness. Wt {WT} kg.", "O/E NAD."},
         {"GORD. Lifestyle advice (smaller meals, raise head of bed). Rx {RX}. Review 4/52.",
          "Trial PPI 4/52, Rx {RX}. F/U if not settling."}},
        {"414916001", // weight
         {"Weight discussed at diabetes review. Keen to lose weight, tried apps before.", "Wants help with weight loss."},
         {"Wt {WT} kg. BP {BP}.", "BMI recorded. BP {BP}."},
         {"Referred to NHS Digital Weight Management Programme. Goals agreed. F/U 3/12.",
          "Healthy eating and activity advice. Referral to local weight management service."}},
        {"283371005", // laceration
         {"Cut L forearm on broken glass while washing up, 1 hr ago. Tetanus up to date.", "Small laceration forearm, kitchen knife."},
         {"O/E 2 cm superficial laceration, clean edges, no tendon involvement, sensation normal.", "O/E clean wound, bleeding stopped."},
         {"Cleaned, closed with steri-strips. Wound care advice. PN wound check 5/7.", "Steri-strips applied. Keep dry 48 hrs."}},
        {"197480006", // anxiety
         {"Feeling anxious and worried most days for 2/12, trouble sleeping. Work stress. No panic attacks.",
          "Anxiety symptoms, palpitations when stressed. No other concerns."},
         {"GAD-7 12. Pulse 76 reg.", "Appears anxious but engaging well. Obs normal."},
         {"Talking therapies self-referral info, sleep hygiene, exercise. F/U 4/52.", "Self-help resources given. Review 4/52."}},
        {"24079001", // eczema
         {"Dry itchy patches on arms and behind knees. No infection. Parent using baby bath products.",
          "Eczema flare, scratching at night."},
         {"O/E dry erythematous patches flexures, no weeping or crusting.", "O/E mild eczema, no signs of infection."},
         {"Atopic eczema. Rx {RX}. Soap substitute advice, leaflet. F/U 4/52.", "Emollients generously, Rx {RX}. Review if worse."}},
        {"4120002", // bronchiolitis
         {"Baby with runny nose and cough 3/7, feeding slightly less (approx 3/4 of usual). Wet nappies normal.",
          "Cough and noisy breathing 2/7. Feeding OK."},
         {"O/E alert, sats 97%, RR 40, mild subcostal recession, fine crackles.", "O/E well, sats 98%, chest few crackles."},
         {"Mild bronchiolitis. Safety net advice re feeding, breathing, nappies given in detail. Review 24-48 hrs.",
          "Supportive care. Parent knows when to seek help. F/U PRN."}},
        {"9826008", // conjunctivitis
         {"Sticky red eyes both sides 2/7, otherwise well.", "Red eye with discharge, started L, now both."},
         {"O/E conjunctival injection, crusting lashes. Vision normal, no photophobia.", "O/E mild conjunctivitis."},
         {"Infective conjunctivitis. Bathe eyes with cooled boiled water. Usually settles 1-2/52. F/U if not.",
          "Self-care advice, no need to stay off nursery. F/U PRN."}},
        {"81000006", // head lice
         {"Head lice noticed by parent, school letter.", "Itchy scalp, live lice seen."},
         {"Not examined.", "Live lice seen."},
         {"Wet combing advice every 4 days for 2/52. Check family. F/U PRN.", "Wet combing advice. Treat household contacts if found."}},
        {"44465007", // sprain
         {"Twisted L ankle playing football yesterday. Able to weight bear.", "Ankle injury at sport, some swelling."},
         {"O/E swelling lateral ankle, no bony tenderness (Ottawa negative).", "O/E tender ATFL, full weight bearing."},
         {"Ankle sprain. RICE, analgesia, gradual return to sport 2-6/52.", "Sprain. Advice leaflet. F/U if not improving 2/52."}},
        {"68566005", // UTI
         {"c/o dysuria and frequency 2/7. No loin pain, no fever. Not pregnant.", "Symptoms of UTI 3/7, similar to last year."},
         {"Urine dip: leucs ++, nitrites +. Apyrexial. No renal angle tenderness.", "O/E well, abdo soft, suprapubic tenderness only."},
         {"Uncomplicated UTI. Rx {RX}. Fluids. Return if fever or loin pain.", "Lower UTI, Rx {RX}. MSU sent. F/U if not settling 48 hrs."}},
        {"43878008", // strep sore throat
         {"c/o sore throat 4/7, fever, no cough. FeverPAIN 4.", "Sore throat, painful swallowing, swollen glands."},
         {"O/E tonsils enlarged with exudate, tender ant cervical nodes. Temp 38.0.", "O/E pus on tonsils, no quinsy."},
         {"Rx {RX}. Salt water gargles, analgesia. Safety netting given.", "Antibiotics advised, Rx {RX}. F/U PRN."}},
        {"195662009", // viral pharyngitis
         {"Sore throat 3/7, runny nose, cough. FeverPAIN 1.", "c/o sore throat and hoarse voice 2/7."},
         {"O/E throat red, no exudate. Chest clear.", "O/E mild pharyngitis. NAD otherwise."},
         {"Viral. No abx needed. Analgesia ({RX}), fluids. F/U if not better 1/52.", "Self-care advice. Return if worse."}},
        {"444814009", // sinusitis
         {"Blocked nose, facial pressure 10/7 after a cold.", "c/o sinus pain and congestion 1/52."},
         {"O/E tender over maxillary sinuses. Apyrexial.", "O/E nasal mucosa swollen. Chest clear."},
         {"Viral sinusitis. Steam, saline rinse, analgesia. Abx not indicated. F/U if > 10/7 or worse.",
          "Self-care. Return if high fever or swelling around eye."}},
        {"10509002", // acute bronchitis
         {"Cough with sputum 1/52, mild SOB on exertion. Asthma Hx.", "Chesty cough after URTI, wheezy at night."},
         {"O/E sats 97%, scattered wheeze, no focal crackles.", "O/E chest: coarse crackles clear on coughing."},
         {"Acute bronchitis. Rx {RX}. Use reliever as per plan. F/U 1/52 if no better.", "Rx {RX}. Safety net re SOB."}},
        {"65363002", // otitis media
         {"Ear ache 2/7, worse at night, recent cold.", "c/o painful ear, fever, pulling at ear (per parent)."},
         {"O/E R TM red and bulging. L TM normal.", "O/E TM dull and red. Throat NAD."},
         {"AOM. Analgesia, review 3/7. Rx {RX} if not settling.", "Otitis media, Rx {RX}. F/U PRN."}},
        {"161891005", // backache
         {"Backache 1/52 after gardening.", "c/o back pain lifting child. No sciatica."},
         {"O/E tender paraspinal, full neuro NAD.", "O/E reduced flexion, SLR normal."},
         {"Rx {RX}. Keep moving. Physio self-referral info.", "Simple back strain. Rx {RX}. F/U 2/52 PRN."}},
        {"239873007", // knee OA
         {"R knee pain on stairs 6/12, stiff in mornings < 30 min. No locking.", "Knee pain worse after walking, some swelling."},
         {"O/E crepitus R knee, small effusion, ROM slightly reduced. Ligaments stable.", "O/E bony swelling medial joint line."},
         {"Likely OA. X-ray R knee requested. Weight loss and exercise advice, physio referral. Rx {RX}.",
          "OA knee. Topical NSAID, physio. Ortho referral if not improving."}},
        {"37796009", // migraine
         {"Recurrent headaches with visual aura, then throbbing headache and nausea.", "Migraine Hx, attacks 2-3/month."},
         {"O/E neuro exam NAD. BP {BP}.", "Fundi normal, neuro NAD."},
         {"Migraine. Rx {RX}. Headache diary, avoid triggers. F/U 6/52.", "Trial of triptan, Rx {RX}. TCI if > 4 attacks/month."}},
        {"35489007", // depression
         {"Low mood 6/52, poor sleep, reduced enjoyment. Supportive family. No thoughts of self-harm.",
          "Low mood and tearfulness since work stress. Safe, good support."},
         {"PHQ-9 15. Appears low but engaging well.", "Well kempt, good rapport. Mood low."},
         {"Talking therapies self-referral info. Rx {RX}, SE discussed. F/U 2/52.",
          "Started {RX}. Crisis numbers given. Review 2/52."}},
    };
    return t;
}

const NoteTemplate &templateFor(const QString &code)
{
    for (const NoteTemplate &t : templates())
        if (code == QLatin1String(t.code))
            return t;
    static const NoteTemplate generic{
        "",
        {"Seen re {reason}. Symptoms for a few days, otherwise well.", "Attended re {reason}. Hx taken, no red flags.",
         "T/C re {reason}. Patient reports improvement but wanted advice."},
        {"O/E well, obs normal. NAD.", "O/E comfortable. Examination unremarkable."},
        {"Dx: {reason}. Explained, leaflet given. F/U if not settling 2/52.",
         "{reason}: advice given. Rx {RX}. Safety netting. F/U PRN.", "Plan agreed with patient. Review 4/52."}};
    return generic;
}

const char *pick(const std::vector<const char *> &options, Prng &rng)
{
    return options[size_t(rng.range(0, int(options.size()) - 1))];
}

} // namespace

QString clinicianName(int index, bool nurse)
{
    static const char *doctors[] = {"Dr Helen Marsh", "Dr Omar Siddiqui", "Dr Priya Nair", "Dr Aled Pryce"};
    static const char *nurses[] = {"Nurse Jo Kettering", "Nurse Femi Adeyemi"};
    return nurse ? QString::fromLatin1(nurses[index % 2]) : QString::fromLatin1(doctors[index % 4]);
}

QString consultationNote(const VisitFacts &facts, Prng &rng)
{
    // Adults are vaccinated at clinics, children at routine immunisation appointments.
    const bool adultVaccine = facts.reasonCode == QLatin1String("33879002") && !facts.child;
    const NoteTemplate &t = templateFor(adultVaccine ? QStringLiteral("33879002a") : facts.reasonCode);
    QString history = QString::fromLatin1(pick(t.history, rng));
    QString exam = facts.phone ? QStringLiteral("T/C, not examined.") : QString::fromLatin1(pick(t.exam, rng));
    QString plan = QString::fromLatin1(pick(t.plan, rng));
    if (facts.phone && !history.startsWith(QLatin1String("T/C")))
        history.prepend(facts.child ? QStringLiteral("T/C with parent. ") : QStringLiteral("T/C with pt. "));

    const auto fill = [&](QString &text) {
        // Measurements the visit did not make are left out of the note rather than written as "not recorded".
        const auto drop = [&text](const char *sentence) {
            text.replace(QLatin1String(sentence), QString());
        };
        if (facts.systolic <= 0)
            for (const char *sentence : {"BP {BP} (sitting, 2nd reading). ", " BP {BP}.", "BP {BP}. ", "BP {BP}."})
                drop(sentence);
        if (std::isnan(facts.weightKg))
            for (const char *sentence : {" Wt {WT} kg.", "Wt {WT} kg. ", "Wt {WT} kg."})
                drop(sentence);
        if (std::isnan(facts.peakFlow))
            text.replace(QLatin1String("PEFR {PEF} L/min."), QStringLiteral("PEFR not done today."));
        text = text.trimmed();
        text.replace(QLatin1String("{reason}"), facts.reasonDisplay);
        text.replace(QLatin1String("{BP}"), facts.systolic > 0 ? QStringLiteral("%1/%2").arg(facts.systolic).arg(facts.diastolic)
                                                              : QStringLiteral("not recorded"));
        text.replace(QLatin1String("{WT}"), std::isnan(facts.weightKg) ? QStringLiteral("not recorded")
                                                                      : QString::number(facts.weightKg, 'f', 1));
        text.replace(QLatin1String("{PEF}"), std::isnan(facts.peakFlow) ? QStringLiteral("not done")
                                                                       : QString::number(facts.peakFlow, 'f', 0));
        text.replace(QLatin1String("{VACC}"), facts.vaccines.isEmpty() ? QStringLiteral("as scheduled") : facts.vaccines);
        if (facts.medicine.isEmpty()) {
            text.replace(QLatin1String(" Rx {RX}."), QString());
            text.replace(QLatin1String("Rx {RX}. "), QString());
            text.replace(QLatin1String(" ({RX})"), QString());
            text.replace(QLatin1String("{RX}"), QStringLiteral("as discussed"));
        } else {
            text.replace(QLatin1String("{RX}"), facts.medicine);
        }
    };
    fill(history);
    fill(exam);
    fill(plan);
    if (exam.isEmpty() || exam == QLatin1String("O/E") || exam == QLatin1String("O/E well."))
        exam = QStringLiteral("O/E well. NAD.");
    // A medicine from the visit that the template did not mention still goes into the plan.
    if (!facts.medicine.isEmpty() && !plan.contains(facts.medicine))
        plan += QStringLiteral(" Rx: ") + facts.medicine + QLatin1Char('.');
    if (!facts.phone && facts.systolic > 0 && !exam.contains(QLatin1String("BP ")))
        exam += QStringLiteral(" BP %1/%2.").arg(facts.systolic).arg(facts.diastolic);

    switch (rng.range(0, 2)) {
    case 0:
        return QStringLiteral("History:\n%1\n\nExamination:\n%2\n\nPlan:\n%3").arg(history, exam, plan);
    case 1:
        return history + QLatin1Char(' ') + exam + QStringLiteral(" Plan: ") + plan;
    default:
        return history + QLatin1Char('\n') + exam + QStringLiteral("\nPlan: ") + plan;
    }
}

} // namespace hearth::sandbox

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/ui/banner.py" line="52"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>CatchUp</name>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="59"/>
        <source>Apply [A]</source>
        <translation>Appliquer [A]</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="60"/>
        <source>Ignore [C]</source>
        <translation>Ignorer [C]</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="69"/>
        <source>Catch-up plan: the session lands by {t}</source>
        <translation>Plan de rattrapage&#xa0;: la séance finit avant {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="71"/>
        <source>No segment needs to be shortened.</source>
        <translation>Aucune séquence n&apos;a besoin d&apos;être raccourcie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="76"/>
        <source>Catch-up plan: {n} min to recover to end by {t}</source>
        <translation>Plan de rattrapage&#xa0;: {n} min à rattraper pour finir à {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="89"/>
        <source>With these durations the session ends by {t}.</source>
        <translation>Avec ces durées, la séance finit à {t}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="95"/>
        <source>Even with these cuts the session ends {n} min after {t}.</source>
        <translation>Même avec ces coupes, la séance finit {n} min après {t}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="101"/>
        <source>Nothing left can be shortened: the session ends late.</source>
        <translation>Plus rien ne peut être raccourci&#xa0;: la séance finira en retard.</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="89"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="90"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="91"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="92"/>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="96"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="97"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="98"/>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="99"/>
        <source>−1 min</source>
        <translation>−1 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="100"/>
        <source>Blackout</source>
        <translation>Écran noir</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="101"/>
        <source>Wrap-up</source>
        <translation>Conclure</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="102"/>
        <source>Clear message</source>
        <translation>Effacer message</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="103"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="104"/>
        <source>Catch-up</source>
        <translation>Rattrapage</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="105"/>
        <source>End session</source>
        <translation>Fin de séance</translation>
    </message>
</context>
<context>
    <name>CurrentSegment</name>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="144"/>
        <source>On the projector</source>
        <translation>Au projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="145"/>
        <source>Notes for the moderator</source>
        <translation>Notes pour le modérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="169"/>
        <source>Not started</source>
        <translation>Pas commencée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="171"/>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="176"/>
        <source>Ready: Space starts the session</source>
        <translation>Prêt&#xa0;: Espace démarre la séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="178"/>
        <source>The session is over</source>
        <translation>La séance est terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="180"/>
        <source>Paused before this segment: Space starts it</source>
        <translation>En pause avant cette séquence&#xa0;: Espace la démarre</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="182"/>
        <source>Paused: Space resumes</source>
        <translation>En pause&#xa0;: Espace reprend</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="183"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="210"/>
        <source>over by {t} — planned {p}</source>
        <translation>dépassement de {t} — prévu {p}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="214"/>
        <source>of {p} (plan {o})</source>
        <translation>sur {p} (prévu {o})</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="218"/>
        <source>of {p}</source>
        <translation>sur {p}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="224"/>
        <source>{left} left of {budget}</source>
        <translation>reste {left} sur {budget}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="228"/>
        <source>over its {budget} by {over}</source>
        <translation>budget de {budget} dépassé de {over}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="232"/>
        <source>Part {n}: {title} — {budget}</source>
        <translation>Partie {n}&#xa0;: {title} — {budget}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="254"/>
        <source>On the projector: “{m}” (blinking)</source>
        <translation>Au projecteur&#xa0;: «&#xa0;{m}&#xa0;» (clignote)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="260"/>
        <source>On the projector: “{m}”</source>
        <translation>Au projecteur&#xa0;: «&#xa0;{m}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="263"/>
        <source>The projector is blacked out (B).</source>
        <translation>Le projecteur est en écran noir (B).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="271"/>
        <source>Next: end of the session</source>
        <translation>Ensuite&#xa0;: fin de la séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="276"/>
        <source>Next, at {at}: {title}{who}</source>
        <translation>Ensuite, à {at}&#xa0;: {title}{who}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="49"/>
        <source>On time</source>
        <translation>À l&apos;heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="51"/>
        <source>{n} min late</source>
        <translation>{n} min de retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="52"/>
        <source>{n} min early</source>
        <translation>{n} min d&apos;avance</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="59"/>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="61"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../app/ui/help.py" line="63"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="64"/>
        <source>Esc or F1 closes this help.</source>
        <translation>Échap ou F1 ferme cette aide.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="212"/>
        <source>Message:</source>
        <translation>Message&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="213"/>
        <source>Your message, then Enter</source>
        <translation>Votre message, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="214"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="215"/>
        <source>Blink</source>
        <translation>Clignoter</translation>
    </message>
</context>
<context>
    <name>Moderator</name>
    <message>
        <location filename="../../app/ui/moderator.py" line="82"/>
        <source>Catch-up plan: show / ignore</source>
        <translation>Plan de rattrapage&#xa0;: afficher / ignorer</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="83"/>
        <source>Apply the catch-up plan shown</source>
        <translation>Appliquer le plan de rattrapage affiché</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="326"/>
        <source>Timekeeper — {title}</source>
        <translation>Timekeeper — {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="328"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="329"/>
        <source>&amp;Open running order…</source>
        <translation>&amp;Ouvrir un déroulé…</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="330"/>
        <source>&amp;Import programme…</source>
        <translation>&amp;Importer un programme…</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="331"/>
        <source>Open timing log for &amp;replay…</source>
        <translation>Ouvrir un journal pour le &amp;rejouer…</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="332"/>
        <source>Open &amp;logs folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="333"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="334"/>
        <source>&amp;Settings</source>
        <translation>&amp;Réglages</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="335"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="336"/>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="337"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="338"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="339"/>
        <source>&amp;Projector screen</source>
        <translation>Écran du &amp;projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="340"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="341"/>
        <source>&amp;Keys</source>
        <translation>&amp;Touches</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="484"/>
        <source>Catch-up plan applied (Ctrl+Z takes it back).</source>
        <translation>Plan de rattrapage appliqué (Ctrl+Z l&apos;annule).</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="502"/>
        <source>Timing log problem: {problem}. The countdown goes on.</source>
        <translation>Problème de journal de minutage&#xa0;: {problem}. Le décompte continue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="516"/>
        <source>Resumed after {gap}: the session went on while Timekeeper was closed, and that time was counted.</source>
        <translation>Reprise après {gap}&#xa0;: la séance a continué pendant que Timekeeper était fermé, et ce temps a été compté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="522"/>
        <source>Start over</source>
        <translation>Recommencer à zéro</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="535"/>
        <source>Click again to start over</source>
        <translation>Cliquez encore pour recommencer</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="551"/>
        <source>Press Ctrl+Q again within 3 s to quit.</source>
        <translation>Appuyez de nouveau sur Ctrl+Q dans les 3 s pour quitter.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="559"/>
        <source>The session stays in the timing log and resumes when Timekeeper starts again.</source>
        <translation>La séance reste dans le journal de minutage et reprend au prochain lancement de Timekeeper.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="577"/>
        <source>Close the window again within 3 s to quit.</source>
        <translation>Fermez de nouveau la fenêtre dans les 3 s pour quitter.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="590"/>
        <source>{what} is not available while the session runs: end it first.</source>
        <translation>{what}&#xa0;: impossible pendant la séance&#xa0;; terminez-la d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="598"/>
        <location filename="../../app/ui/moderator.py" line="612"/>
        <source>Opening a running order</source>
        <translation>Ouvrir un déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="603"/>
        <source>Open running order</source>
        <translation>Ouvrir un déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="605"/>
        <source>Running orders (*.toml *.json)</source>
        <translation>Déroulés (*.toml *.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="653"/>
        <source>The running order on disk has an error, so the session goes on unchanged: {error}</source>
        <translation>Le déroulé sur le disque contient une erreur, la séance continue donc sans changement&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="669"/>
        <source>The running order was reloaded from disk.</source>
        <translation>Le déroulé a été rechargé depuis le disque.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="679"/>
        <source>The running order was reloaded from disk; the timing goes on as it was.</source>
        <translation>Le déroulé a été rechargé depuis le disque&#xa0;; le minutage continue tel quel.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="690"/>
        <source>The running order changed on disk and its segments no longer match the running session: it will be reloaded once the session has ended.</source>
        <translation>Le déroulé a changé sur le disque et ses séquences ne correspondent plus à la séance en cours&#xa0;: il sera rechargé une fois la séance terminée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="702"/>
        <source>The running order changed on disk while the session ran.</source>
        <translation>Le déroulé a changé sur le disque pendant la séance.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="704"/>
        <source>Reload it</source>
        <translation>Le recharger</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="713"/>
        <source>The timing logs are in {folder}</source>
        <translation>Les journaux de minutage sont dans {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="721"/>
        <source>Replay comes with its own window, which this version does not have yet.</source>
        <translation>Le rejeu a sa propre fenêtre, que cette version n&apos;a pas encore.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="728"/>
        <source>Opening a timing log</source>
        <translation>Ouvrir un journal</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="732"/>
        <source>Open timing log for replay</source>
        <translation>Ouvrir un journal pour le rejouer</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="734"/>
        <source>Timing logs (*{suffix})</source>
        <translation>Journaux de minutage (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="744"/>
        <source>Importing a programme comes with the importers, not in this version yet.</source>
        <translation>L&apos;import de programme arrive avec les importeurs, pas encore dans cette version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="751"/>
        <source>Importing a programme</source>
        <translation>Importer un programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="755"/>
        <source>Import programme</source>
        <translation>Importer un programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="757"/>
        <source>Programmes (*.txt *.csv *.xml);;All files (*)</source>
        <translation>Programmes (*.txt *.csv *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="770"/>
        <source>Programme imported.</source>
        <translation>Programme importé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="787"/>
        <source>The French translation is missing (run make translations); the interface stays in English.</source>
        <translation>La traduction française est absente (lancez make translations)&#xa0;; l&apos;interface reste en anglais.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="807"/>
        <source>Automatic (a screen other than this one)</source>
        <translation>Automatique (un autre écran que celui-ci)</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <location filename="../../app/ui/theme.py" line="18"/>
        <source>On track</source>
        <translation>Dans les temps</translation>
    </message>
    <message>
        <location filename="../../app/ui/theme.py" line="19"/>
        <source>Warning</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../app/ui/theme.py" line="20"/>
        <source>Final seconds</source>
        <translation>Dernières secondes</translation>
    </message>
    <message>
        <location filename="../../app/ui/theme.py" line="21"/>
        <source>Overtime</source>
        <translation>Dépassement</translation>
    </message>
</context>
<context>
    <name>RunningOrder</name>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="117"/>
        <source>Running order</source>
        <translation>Déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="118"/>
        <source>At</source>
        <translation>À</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="119"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="120"/>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="121"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="186"/>
        <source>{t} left</source>
        <translation>reste {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="188"/>
        <source>over by {t}</source>
        <translation>dépassé de {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="214"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="216"/>
        <source>next</source>
        <translation>à suivre</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="218"/>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="221"/>
        <source>done, +{t}</source>
        <translation>fait, +{t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="223"/>
        <source>skipped</source>
        <translation>sautée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="225"/>
        <source>to come</source>
        <translation>à venir</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="62"/>
        <source>Now {t}</source>
        <translation>Il est {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="64"/>
        <source>Planned end {t}</source>
        <translation>Fin prévue {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="68"/>
        <source>Ended at {t}</source>
        <translation>Terminée à {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="72"/>
        <source>Projected end {t}</source>
        <translation>Fin estimée {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="85"/>
        <source>No hard end</source>
        <translation>Pas d&apos;heure limite</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="89"/>
        <source>{n} min of slack before {t}</source>
        <translation>{n} min de marge avant {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="96"/>
        <source>{n} min past the hard end {t}</source>
        <translation>{n} min après l&apos;heure limite {t}</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../app/ui/keys.py" line="29"/>
        <source>Start / pause / resume</source>
        <translation>Démarrer / pause / reprendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="30"/>
        <source>Next segment</source>
        <translation>Séquence suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="34"/>
        <source>Previous segment (resumes its time)</source>
        <translation>Séquence précédente (reprend son temps)</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="36"/>
        <source>Add a minute</source>
        <translation>Ajouter une minute</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="37"/>
        <source>Remove a minute</source>
        <translation>Retirer une minute</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="38"/>
        <source>Blackout of the projector</source>
        <translation>Écran noir au projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="39"/>
        <source>Message: please wrap up</source>
        <translation>Message&#xa0;: merci de conclure</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="40"/>
        <source>Clear the message</source>
        <translation>Effacer le message</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="41"/>
        <source>Undo the last control</source>
        <translation>Annuler la dernière commande</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="43"/>
        <source>Projector full screen on/off</source>
        <translation>Projecteur en plein écran ou non</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="45"/>
        <source>This help</source>
        <translation>Cette aide</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="47"/>
        <source>Quit (press twice during a session)</source>
        <translation>Quitter (deux fois pendant une séance)</translation>
    </message>
</context>
<context>
    <name>projector</name>
    <message>
        <location filename="../../app/ui/projector.py" line="343"/>
        <source>‖ Paused</source>
        <translation>‖ En pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="347"/>
        <source>⚠ Less than {time} left</source>
        <translation>⚠ Il reste moins de {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="351"/>
        <source>⚠ Final {time}</source>
        <translation>⚠ Dernières {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="354"/>
        <source>Overtime</source>
        <translation>Dépassement</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="642"/>
        <source>Up next</source>
        <translation>À suivre</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="670"/>
        <source>Thank you!</source>
        <translation>Merci&#xa0;!</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="719"/>
        <source>Timekeeper — Projector</source>
        <translation>Timekeeper — Projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="884"/>
        <source>Please wrap up</source>
        <translation>Merci de conclure</translation>
    </message>
</context>
</TS>

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
        <location filename="../../app/ui/widgets/catchup.py" line="62"/>
        <source>Apply [A]</source>
        <translation>Appliquer [A]</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="63"/>
        <source>Ignore [C]</source>
        <translation>Ignorer [C]</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="80"/>
        <source>Catch-up plan: the session lands by {t}</source>
        <translation>Plan de rattrapage&#xa0;: la séance finit avant {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="82"/>
        <source>No segment needs to be shortened.</source>
        <translation>Aucune séquence n&apos;a besoin d&apos;être raccourcie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="87"/>
        <source>Catch-up plan: {n} min to recover to end by {t}</source>
        <translation>Plan de rattrapage&#xa0;: {n} min à rattraper pour finir à {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="98"/>
        <source>{at}  {title}: {old} → {new}</source>
        <translation>{at}  {title}&#xa0;: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="108"/>
        <source>With these durations the session ends by {t}.</source>
        <translation>Avec ces durées, la séance finit à {t}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="114"/>
        <source>Even with these cuts the session ends {n} min after {t}.</source>
        <translation>Même avec ces coupes, la séance finit {n} min après {t}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/catchup.py" line="120"/>
        <source>Nothing left can be shortened: the session ends late.</source>
        <translation>Plus rien ne peut être raccourci&#xa0;: la séance finira en retard.</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="83"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="84"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="85"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="86"/>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="90"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="91"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="92"/>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="93"/>
        <source>−1 min</source>
        <translation>−1 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="94"/>
        <source>Blackout</source>
        <translation>Écran noir</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="95"/>
        <source>Wrap-up</source>
        <translation>Conclure</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="96"/>
        <source>Clear message</source>
        <translation>Effacer message</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="97"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="98"/>
        <source>Catch-up</source>
        <translation>Rattrapage</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="99"/>
        <source>End session</source>
        <translation>Fin de séance</translation>
    </message>
</context>
<context>
    <name>CurrentSegment</name>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="361"/>
        <source>On the projector</source>
        <translation>Au projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="225"/>
        <source>Notes for the moderator</source>
        <translation>Notes pour le modérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="249"/>
        <source>Not started</source>
        <translation>Pas commencée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="251"/>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="256"/>
        <source>Ready: Space starts the session</source>
        <translation>Prêt&#xa0;: Espace démarre la séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="258"/>
        <source>The session is over</source>
        <translation>La séance est terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="260"/>
        <source>Paused before this segment: Space starts it</source>
        <translation>En pause avant cette séquence&#xa0;: Espace la démarre</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="262"/>
        <source>Paused: Space resumes</source>
        <translation>En pause&#xa0;: Espace reprend</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="263"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="296"/>
        <source>time elapsed, no limit — planned {p}</source>
        <translation>temps écoulé, sans limite — prévu {p}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="300"/>
        <source>until {t}</source>
        <translation>jusqu&apos;à {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="304"/>
        <source>over by {t} — planned {p}</source>
        <translation>dépassement de {t} — prévu {p}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="308"/>
        <source>of {p} (plan {o})</source>
        <translation>sur {p} (prévu {o})</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="312"/>
        <source>of {p}</source>
        <translation>sur {p}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="314"/>
        <source> · the projector shows the time of day</source>
        <translation> · le projecteur affiche l&apos;heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="320"/>
        <source>{left} left of {budget}</source>
        <translation>reste {left} sur {budget}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="324"/>
        <source>over its {budget} by {over}</source>
        <translation>budget de {budget} dépassé de {over}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="328"/>
        <source>Part {n}: {title} — {budget}</source>
        <translation>Partie {n}&#xa0;: {title} — {budget}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="356"/>
        <source>Not shown: no second screen — F11 to show it</source>
        <translation>Non affiché : un seul écran — F11 l’affiche</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="358"/>
        <source>Not shown — F11 to show it</source>
        <translation>Non affiché — F11 l’affiche</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="360"/>
        <source>On the projector: blacked out</source>
        <translation>Au projecteur&#xa0;: écran noir</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="368"/>
        <source>On the projector: “{m}” (blinking)</source>
        <translation>Au projecteur&#xa0;: «&#xa0;{m}&#xa0;» (clignote)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="374"/>
        <source>On the projector: “{m}”</source>
        <translation>Au projecteur&#xa0;: «&#xa0;{m}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="377"/>
        <source>The projector is blacked out (B).</source>
        <translation>Le projecteur est en écran noir (B).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="385"/>
        <source>Next: end of the session</source>
        <translation>Ensuite&#xa0;: fin de la séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/current.py" line="391"/>
        <source>Next, at {at}: {title}{who}</source>
        <translation>Ensuite, à {at}&#xa0;: {title}{who}</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../app/ui/editor/commands.py" line="26"/>
        <source>Edit {field}</source>
        <translation>Modifier {field}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/commands.py" line="52"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/commands.py" line="64"/>
        <location filename="../../app/ui/editor/fields.py" line="374"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/commands.py" line="79"/>
        <location filename="../../app/ui/editor/window.py" line="620"/>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="213"/>
        <source>— (from its segments)</source>
        <translation>— (celle de ses séquences)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="219"/>
        <source>stay and count the overtime</source>
        <translation>rester et compter le dépassement</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="220"/>
        <source>go to the next segment and run it</source>
        <translation>passer au segment suivant et le lancer</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="222"/>
        <source>load the next segment and wait for the moderator</source>
        <translation>charger le segment suivant et attendre le modérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="227"/>
        <source>stay (written in the file)</source>
        <translation>rester (écrit dans le fichier)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="233"/>
        <source>count down (the default)</source>
        <translation>compte à rebours (par défaut)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="234"/>
        <source>count up: elapsed time, no limit</source>
        <translation>durée écoulée, sans limite</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="235"/>
        <source>clock: the time of day</source>
        <translation>horloge : l’heure du jour</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="241"/>
        <source>automatic (as printed on the day, near the hour)</source>
        <translation>automatiques (telles qu’imprimées le jour même, près de l’heure)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="242"/>
        <source>as printed (absolute)</source>
        <translation>telles qu’imprimées (absolues)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="243"/>
        <source>from the actual start (relative)</source>
        <translation>depuis le début réel (relatives)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="249"/>
        <source>off: the moderator moves on</source>
        <translation>non : le modérateur passe à la suite</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="250"/>
        <source>on: start and move on at the planned clock times</source>
        <translation>oui : démarrer et enchaîner aux heures prévues</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="256"/>
        <source>as in the settings</source>
        <translation>comme dans les réglages</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="257"/>
        <source>on for this session</source>
        <translation>activés pour cette séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="258"/>
        <source>off for this session</source>
        <translation>désactivés pour cette séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="303"/>
        <location filename="../../app/ui/editor/fields.py" line="451"/>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="304"/>
        <source>&amp;Event</source>
        <translation>&amp;Événement</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="305"/>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="306"/>
        <source>&amp;Start</source>
        <translation>&amp;Début</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="307"/>
        <source>&amp;Hard end</source>
        <translation>&amp;Fin impérative</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="308"/>
        <source>Time &amp;zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="309"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="310"/>
        <source>&amp;Venue</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="311"/>
        <source>&amp;Room</source>
        <translation>&amp;Salle</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="312"/>
        <location filename="../../app/ui/editor/fields.py" line="461"/>
        <source>&amp;Warning phase at</source>
        <translation>Phase d’&amp;alerte à</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="313"/>
        <location filename="../../app/ui/editor/fields.py" line="462"/>
        <source>&amp;Final phase at</source>
        <translation>Phase &amp;finale à</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="314"/>
        <source>Clock &amp;times</source>
        <translation>&amp;Horaires</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="315"/>
        <source>Ro&amp;ll mode</source>
        <translation>Mode dé&amp;roulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="316"/>
        <source>Sound &amp;cues</source>
        <translation>Signaux so&amp;nores</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="373"/>
        <source>Add speaker</source>
        <translation>Ajouter un intervenant</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="375"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="376"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="377"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="378"/>
        <source>R&amp;ole</source>
        <translation>&amp;Fonction</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="379"/>
        <source>Or&amp;ganisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="380"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="452"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="454"/>
        <source>&amp;Budget</source>
        <translation>&amp;Budget</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="454"/>
        <source>&amp;Duration</source>
        <translation>&amp;Durée</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="456"/>
        <source>N&amp;otes for the moderator</source>
        <translation>N&amp;otes pour le modérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="457"/>
        <source>At the &amp;end</source>
        <translation>À la &amp;fin</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="458"/>
        <source>T&amp;imer</source>
        <translation>&amp;Minuteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="459"/>
        <source>Ends &amp;at (clock time)</source>
        <translation>Finit à (&amp;heure)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="463"/>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="483"/>
        <source>Any form of a programme: 10&apos;, 8&apos;20&quot;, 10 min, 1h30, 90s, 00:10:00. Empty: a share of what the part&apos;s budget leaves.</source>
        <translation>Toute forme d’un programme&#xa0;: 10&apos;, 8&apos;20&quot;, 10 min, 1h30, 90s, 00:10:00. Vide&#xa0;: une part de ce que laisse le budget de la partie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="489"/>
        <source>Shared by the segments inside the part that have no duration.</source>
        <translation>Partagé entre les séquences de la partie qui n’ont pas de durée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="505"/>
        <source>{planned}: a share of what the part&apos;s budget leaves</source>
        <translation>{planned}&#xa0;: une part de ce que laisse le budget de la partie</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="507"/>
        <source>{planned}: from its planned start to its fixed end</source>
        <translation>{planned} : de son début prévu à sa fin fixe</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="544"/>
        <source>Part {n}</source>
        <translation>Partie {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="546"/>
        <source> — {count} segment(s)</source>
        <translation> — {count} séquence(s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="548"/>
        <source> — one segment on its own</source>
        <translation> — une séquence à elle seule</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="553"/>
        <source>Segment {s} of part {p}</source>
        <translation>Séquence {s} de la partie {p}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="58"/>
        <source>introduction</source>
        <translation>introduction</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="59"/>
        <source>talk</source>
        <translation>exposé</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="60"/>
        <source>questions</source>
        <translation>questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="61"/>
        <source>panel</source>
        <translation>table ronde</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="62"/>
        <source>break</source>
        <translation>pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="63"/>
        <source>conclusion</source>
        <translation>conclusion</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="64"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="112"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="113"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="114"/>
        <source>Duration / budget</source>
        <translation>Durée / budget</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="115"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/tree.py" line="116"/>
        <source>Starts at</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="75"/>
        <source>part {n}</source>
        <translation>partie {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="76"/>
        <source>segment {n}</source>
        <translation>séquence {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="77"/>
        <source>speaker {n}</source>
        <translation>intervenant {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="78"/>
        <source>the running order</source>
        <translation>le déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="79"/>
        <source>session</source>
        <translation>séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="80"/>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="81"/>
        <source>event</source>
        <translation>événement</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="82"/>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="83"/>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="84"/>
        <source>hard end</source>
        <translation>fin impérative</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="85"/>
        <source>time zone</source>
        <translation>fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="86"/>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="87"/>
        <source>venue</source>
        <translation>lieu</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="88"/>
        <source>room</source>
        <translation>salle</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="89"/>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="90"/>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="91"/>
        <source>budget</source>
        <translation>budget</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="92"/>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="93"/>
        <source>speakers</source>
        <translation>intervenants</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="94"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="95"/>
        <source>role</source>
        <translation>fonction</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="96"/>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="97"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="98"/>
        <source>thresholds</source>
        <translation>seuils</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="99"/>
        <source>warning</source>
        <translation>alerte</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="100"/>
        <source>final</source>
        <translation>finale</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="101"/>
        <source>end action</source>
        <translation>action à la fin</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="102"/>
        <source>parts</source>
        <translation>parties</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="316"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="317"/>
        <source>&amp;New running order</source>
        <translation>&amp;Nouveau déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="318"/>
        <source>New from &amp;template</source>
        <translation>Nouveau d’après un &amp;modèle</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="319"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="320"/>
        <source>&amp;Import programme…</source>
        <translation>&amp;Importer un programme…</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="321"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="322"/>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="323"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="324"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="325"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="326"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="327"/>
        <source>Add &amp;segment</source>
        <translation>Ajouter une &amp;séquence</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="328"/>
        <source>Add &amp;part</source>
        <translation>Ajouter une &amp;partie</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="329"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="330"/>
        <source>Re&amp;move</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="331"/>
        <source>Move u&amp;p</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="332"/>
        <source>Move do&amp;wn</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="333"/>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="334"/>
        <source>Part / segment</source>
        <translation>Partie / séquence</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="336"/>
        <source>Choose a part or a segment in the running order, or add one: Insert adds a segment, Ctrl+Insert a part.</source>
        <translation>Choisissez une partie ou une séquence dans le déroulé, ou ajoutez-en une&#xa0;: Inser ajoute une séquence, Ctrl+Inser une partie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="399"/>
        <source>unsaved</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="401"/>
        <source>Timekeeper — Running order — {name}[*]</source>
        <translation>Timekeeper — Déroulé — {name}[*]</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="470"/>
        <source>Not valid yet: {count} error(s), listed below.</source>
        <translation>Pas encore valide&#xa0;: {count} erreur(s), listée(s) ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="477"/>
        <source>{count} segment(s), {total} from {start} to {end}</source>
        <translation>{count} séquence(s), {total} de {start} à {end}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="487"/>
        <source>; {slack} to spare before the hard end {hard}</source>
        <translation>&#xa0;; {slack} de marge avant la fin impérative de {hard}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="489"/>
        <source>; ends exactly at the hard end {hard}</source>
        <translation>&#xa0;; finit pile à la fin impérative de {hard}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="491"/>
        <source>; {slack} past the hard end {hard}</source>
        <translation>&#xa0;; {slack} au-delà de la fin impérative de {hard}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="546"/>
        <source>New segment</source>
        <translation>Nouvelle séquence</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="558"/>
        <source>New part</source>
        <translation>Nouvelle partie</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="574"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="684"/>
        <source>The session is running: edits that keep every segment in place (durations, budgets, notes, speakers, thresholds, the session&apos;s times) are taken in at once; adding, removing, moving and renaming segments wait until it has ended.</source>
        <translation>La séance est en cours&#xa0;: les modifications qui gardent chaque séquence à sa place (durées, budgets, notes, intervenants, seuils, horaires de la séance) sont prises en compte aussitôt&#xa0;; ajouter, supprimer, déplacer ou renommer des séquences attend la fin de la séance.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="735"/>
        <source>This running order has changes that are not saved: save them (Ctrl+S), or do the same again to discard them.</source>
        <translation>Ce déroulé a des modifications non enregistrées&#xa0;: enregistrez-les (Ctrl+S), ou refaites la même action pour les abandonner.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="769"/>
        <source>Open running order</source>
        <translation>Ouvrir un déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="771"/>
        <location filename="../../app/ui/editor/window.py" line="803"/>
        <source>Running orders (*.toml *.json)</source>
        <translation>Déroulés (*.toml *.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="801"/>
        <source>Save the running order</source>
        <translation>Enregistrer le déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="811"/>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="830"/>
        <source>Saved to {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="837"/>
        <source>Import programme</source>
        <translation>Importer un programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="839"/>
        <source>Programmes (*.txt *.csv *.xml);;All files (*)</source>
        <translation>Programmes (*.txt *.csv *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="855"/>
        <source>{problem}. Choose one with: timekeeper import FILE --day … --room … (choices: {choices})</source>
        <translation>{problem}. Choisissez avec&#xa0;: timekeeper import FICHIER --day … --room … (choix&#xa0;: {choices})</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="875"/>
        <source>guessed</source>
        <translation>deviné</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="875"/>
        <source>left out</source>
        <translation>laissé de côté</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/window.py" line="883"/>
        <source>Imported from {name}, not saved yet: check the rows marked with an (i) (their tooltip says what was guessed), then save.</source>
        <translation>Importé de {name}, pas encore enregistré&#xa0;: vérifiez les lignes marquées d’un (i) (leur infobulle dit ce qui a été deviné), puis enregistrez.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="69"/>
        <source>{h} h {m:02d}</source>
        <translation>{h} h {m:02d}</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="70"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="84"/>
        <source>On time</source>
        <translation>À l&apos;heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="86"/>
        <source>{amount} late</source>
        <translation>{amount} de retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="87"/>
        <source>{amount} early</source>
        <translation>{amount} d&apos;avance</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="94"/>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="96"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../app/ui/help.py" line="65"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="66"/>
        <source>Esc or F1 closes this help.</source>
        <translation>Échap ou F1 ferme cette aide.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="208"/>
        <source>Message:</source>
        <translation>Message&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="209"/>
        <source>Your message, then Enter</source>
        <translation>Votre message, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="210"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/controls.py" line="211"/>
        <source>Blink</source>
        <translation>Clignoter</translation>
    </message>
</context>
<context>
    <name>Moderator</name>
    <message>
        <location filename="../../app/ui/moderator.py" line="85"/>
        <source>Catch-up plan: show / ignore</source>
        <translation>Plan de rattrapage&#xa0;: afficher / ignorer</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="86"/>
        <source>Apply the catch-up plan shown</source>
        <translation>Appliquer le plan de rattrapage affiché</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="315"/>
        <source>Timekeeper — {title}</source>
        <translation>Timekeeper — {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="124"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="125"/>
        <source>&amp;Open running order…</source>
        <translation>&amp;Ouvrir un déroulé…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="126"/>
        <source>&amp;Edit running order…</source>
        <translation>&amp;Modifier le déroulé…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="127"/>
        <source>&amp;New running order…</source>
        <translation>&amp;Nouveau déroulé…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="128"/>
        <source>&amp;Import programme…</source>
        <translation>&amp;Importer un programme…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="129"/>
        <source>Open timing log for &amp;replay…</source>
        <translation>Ouvrir un journal pour le &amp;rejouer…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="130"/>
        <source>&amp;Past sessions…</source>
        <translation>&amp;Sessions passées…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="131"/>
        <source>Open &amp;logs folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="132"/>
        <source>Prin&amp;t running order…</source>
        <translation>Imprim&amp;er le déroulé…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="133"/>
        <source>Save running order as P&amp;DF…</source>
        <translation>Enregistrer le déroulé en P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="134"/>
        <source>&amp;Remote: phones, tablets, control desk</source>
        <translation>&amp;Télécommande : téléphones, tablettes, régie</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="135"/>
        <source>Remote on the local &amp;network</source>
        <translation>Télécommande sur le &amp;réseau local</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="137"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="138"/>
        <source>&amp;Settings</source>
        <translation>&amp;Réglages</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="139"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="140"/>
        <source>&amp;Warning phase from</source>
        <translation>Phase d’&amp;alerte à partir de</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="141"/>
        <source>&amp;Final phase from</source>
        <translation>Phase &amp;finale à partir de</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="145"/>
        <source>As the running order says (default)</source>
        <translation>Comme le dit le déroulé (par défaut)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="147"/>
        <source>{time} left</source>
        <translation>il reste {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="151"/>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="152"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="153"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="154"/>
        <source>&amp;Projector screen</source>
        <translation>Écran du &amp;projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="155"/>
        <source>&amp;Sound cues (warning, final, zero)</source>
        <translation>&amp;Signaux sonores (alerte, phase finale, zéro)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="158"/>
        <source>&amp;Test sound cues</source>
        <translation>&amp;Essayer les signaux sonores</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="159"/>
        <source>&amp;Timing</source>
        <translation>&amp;Minutage</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="161"/>
        <source>Clock times: &amp;automatic (as printed on the day, near the hour)</source>
        <translation>Horaires&#xa0;: &amp;automatiques (imprimés le jour même, près de l&apos;heure)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="164"/>
        <source>Clock times as &amp;printed (absolute)</source>
        <translation>Horaires tels qu&apos;&amp;imprimés (absolus)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="167"/>
        <source>Clock times from the actual &amp;start (relative)</source>
        <translation>Horaires depuis le &amp;début réel (relatifs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="170"/>
        <source>&amp;Roll mode (follow the clock)</source>
        <translation>&amp;Mode déroulé (suivre l&apos;horloge)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="173"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="174"/>
        <source>&amp;Keys</source>
        <translation>&amp;Touches</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="493"/>
        <source>Catch-up plan applied (Ctrl+Z takes it back).</source>
        <translation>Plan de rattrapage appliqué (Ctrl+Z l&apos;annule).</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="511"/>
        <source>Timing log problem: {problem}. The countdown goes on.</source>
        <translation>Problème de journal de minutage&#xa0;: {problem}. Le décompte continue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="525"/>
        <source>Resumed after {gap}: the session went on while Timekeeper was closed, and that time was counted.</source>
        <translation>Reprise après {gap}&#xa0;: la séance a continué pendant que Timekeeper était fermé, et ce temps a été compté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="531"/>
        <source>Start over</source>
        <translation>Recommencer à zéro</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="544"/>
        <source>Click again to start over</source>
        <translation>Cliquez encore pour recommencer</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="575"/>
        <source>Press Ctrl+Q again within 3 s to quit.</source>
        <translation>Appuyez de nouveau sur Ctrl+Q dans les 3 s pour quitter.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="587"/>
        <source>The session stays in the timing log and resumes when Timekeeper starts again.</source>
        <translation>La séance reste dans le journal de minutage et reprend au prochain lancement de Timekeeper.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="609"/>
        <source>Close the window again within 3 s to quit.</source>
        <translation>Fermez de nouveau la fenêtre dans les 3 s pour quitter.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="622"/>
        <source>{what} is not available while the session runs: end it first.</source>
        <translation>{what}&#xa0;: impossible pendant la séance&#xa0;; terminez-la d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="650"/>
        <location filename="../../app/ui/moderator.py" line="664"/>
        <source>Opening a running order</source>
        <translation>Ouvrir un déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="655"/>
        <source>Open running order</source>
        <translation>Ouvrir un déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="657"/>
        <source>Running orders (*.toml *.json)</source>
        <translation>Déroulés (*.toml *.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="730"/>
        <source>Programmes (*.txt *.md *.csv *.xml *.pdf *.docx *.xlsx);;All files (*)</source>
        <translation>Programmes (*.txt *.md *.csv *.xml *.pdf *.docx *.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_watch.py" line="109"/>
        <source>The running order on disk has an error, so the session goes on unchanged: {error}</source>
        <translation>Le déroulé sur le disque contient une erreur, la séance continue donc sans changement&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_watch.py" line="124"/>
        <source>The running order was reloaded from disk.</source>
        <translation>Le déroulé a été rechargé depuis le disque.</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_watch.py" line="129"/>
        <source>The running order was reloaded from disk; the timing goes on as it was.</source>
        <translation>Le déroulé a été rechargé depuis le disque&#xa0;; le minutage continue tel quel.</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_watch.py" line="138"/>
        <source>The running order changed on disk and its segments no longer match the running session: it will be reloaded once the session has ended.</source>
        <translation>Le déroulé a changé sur le disque et ses séquences ne correspondent plus à la séance en cours&#xa0;: il sera rechargé une fois la séance terminée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_watch.py" line="78"/>
        <source>The running order changed on disk while the session ran.</source>
        <translation>Le déroulé a changé sur le disque pendant la séance.</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_watch.py" line="80"/>
        <source>Reload it</source>
        <translation>Le recharger</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="686"/>
        <source>The timing logs are in {folder}</source>
        <translation>Les journaux de minutage sont dans {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="715"/>
        <source>Timekeeper — Past sessions</source>
        <translation>Timekeeper — Sessions passées</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="690"/>
        <source>Opening a timing log</source>
        <translation>Ouvrir un journal</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="439"/>
        <source>Hide projector window</source>
        <translation>Masquer la fenêtre du projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="442"/>
        <source>Show projector window (F11)</source>
        <translation>Afficher la fenêtre du projecteur (F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="444"/>
        <source>The projector window is not shown: there is one screen. It appears full screen when a second screen is plugged in; the picture above is what it shows.</source>
        <translation>La fenêtre du projecteur n’est pas affichée : il n’y a qu’un écran. Elle s’affiche en plein écran dès qu’un second écran est branché ; l’image ci-dessus montre ce qu’elle affiche.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="694"/>
        <source>Open timing log for replay</source>
        <translation>Ouvrir un journal pour le rejouer</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="696"/>
        <source>Timing logs (*{suffix})</source>
        <translation>Journaux de minutage (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="724"/>
        <source>Importing a programme</source>
        <translation>Importer un programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="728"/>
        <source>Import programme</source>
        <translation>Importer un programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="747"/>
        <source>{problem}. Choose one with: timekeeper import FILE --day … --room … (choices: {choices})</source>
        <translation>{problem}. Choisissez-en une avec&#xa0;: timekeeper import FICHIER --day … --room … (choix&#xa0;: {choices})</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="798"/>
        <source>The remote server could not start: {reason}.</source>
        <translation>Le serveur de télécommande n’a pas pu démarrer : {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="826"/>
        <source>Remote commands are being refused ({why}): {n} so far.</source>
        <translation>Des commandes à distance sont refusées ({why}) : {n} jusqu’ici.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="837"/>
        <source>Outgoing trigger: {problem}.</source>
        <translation>Déclencheur sortant : {problem}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="891"/>
        <source>Saved {name}.</source>
        <translation>{name} enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="894"/>
        <source>Open it as the session</source>
        <translation>L’ouvrir comme séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="938"/>
        <source>The French translation is missing (run make translations); the interface stays in English.</source>
        <translation>La traduction française est absente (lancez make translations)&#xa0;; l&apos;interface reste en anglais.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="988"/>
        <source>Sound cues cannot play: {problem}. The countdown goes on.</source>
        <translation>Les signaux sonores ne peuvent pas être joués&#xa0;: {problem}. Le compte à rebours continue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1009"/>
        <source>OSC from an address not allowed</source>
        <translation>OSC d’une adresse non autorisée</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1012"/>
        <source>a web page of another site</source>
        <translation>une page d’un autre site</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1013"/>
        <source>no token</source>
        <translation>sans jeton</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1014"/>
        <source>too many, too fast</source>
        <translation>trop, trop vite</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1015"/>
        <source>too many commands at once</source>
        <translation>trop de commandes à la fois</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1016"/>
        <source>too many connections</source>
        <translation>trop de connexions</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1017"/>
        <source>too many devices</source>
        <translation>trop d’appareils</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1018"/>
        <source>a view link tried to control</source>
        <translation>un lien de lecture a tenté de commander</translation>
    </message>
    <message>
        <location filename="../../app/ui/moderator.py" line="1019"/>
        <source>wrong token</source>
        <translation>mauvais jeton</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="194"/>
        <source>Automatic (a screen other than this one)</source>
        <translation>Automatique (un autre écran que celui-ci)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_order.py" line="49"/>
        <source>Print running order</source>
        <translation>Imprimer le déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_order.py" line="61"/>
        <source>Save running order as PDF</source>
        <translation>Enregistrer le déroulé en PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_order.py" line="63"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
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
    <name>Remote</name>
    <message>
        <location filename="../../app/ui/widgets/remote_panel.py" line="78"/>
        <source>Speaker view (phones, tablets)</source>
        <translation>Vue orateur (téléphones, tablettes)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/remote_panel.py" line="79"/>
        <source>Remote control (keep it private)</source>
        <translation>Télécommande (à garder pour vous)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/remote_panel.py" line="80"/>
        <source>New links (drops every device)</source>
        <translation>Nouveaux liens (déconnecte tous les appareils)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/remote_panel.py" line="95"/>
        <source>Devices connected: {n}</source>
        <translation>Appareils connectés : {n}</translation>
    </message>
</context>
<context>
    <name>RunningOrder</name>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="138"/>
        <source>Running order</source>
        <translation>Déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="139"/>
        <source>At</source>
        <translation>À</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="140"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="141"/>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="142"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="158"/>
        <location filename="../../app/ui/widgets/running_order.py" line="276"/>
        <source>{t} left</source>
        <translation>reste {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="159"/>
        <location filename="../../app/ui/widgets/running_order.py" line="274"/>
        <source>over by {t}</source>
        <translation>dépassé de {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="161"/>
        <location filename="../../app/ui/widgets/running_order.py" line="332"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="317"/>
        <source>planned {old}, now {new}</source>
        <translation>prévu {old}, maintenant {new}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="334"/>
        <source>next</source>
        <translation>à suivre</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="336"/>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="397"/>
        <source>Over the countdown: {t}</source>
        <translation>Au-delà du compte à rebours : {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="398"/>
        <source>Longer than planned: {t}</source>
        <translation>Plus long que prévu : {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="399"/>
        <source>Pauses: {t}</source>
        <translation>Pauses : {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="402"/>
        <source>Start: {t}</source>
        <translation>Début : {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="160"/>
        <location filename="../../app/ui/widgets/running_order.py" line="340"/>
        <source>done · countdown {t}</source>
        <translation>terminé · compte {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="344"/>
        <source>skipped</source>
        <translation>sautée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/running_order.py" line="346"/>
        <source>to come</source>
        <translation>à venir</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="68"/>
        <source>Times as printed</source>
        <translation>Horaires tels qu&apos;imprimés</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="70"/>
        <source>Times from the actual start</source>
        <translation>Horaires depuis le début réel</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="72"/>
        <source>Relative to the actual start {t}</source>
        <translation>Relatif au début réel {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="76"/>
        <source>{anchor} (auto)</source>
        <translation>{anchor} (auto)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="86"/>
        <source>▶ Roll mode</source>
        <translation>▶ Mode déroulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="88"/>
        <source>Roll mode off: a control was given</source>
        <translation>Fin du mode déroulé&#xa0;: une commande a été donnée</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="91"/>
        <source>Now {t}</source>
        <translation>Il est {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="93"/>
        <source>Planned end {t}</source>
        <translation>Fin prévue {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="97"/>
        <source>Ended at {t}</source>
        <translation>Terminée à {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="101"/>
        <source>Projected end {t}</source>
        <translation>Fin estimée {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="114"/>
        <source>No hard end</source>
        <translation>Pas d&apos;heure limite</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="118"/>
        <source>{amount} of slack before {t}</source>
        <translation>{amount} de marge avant {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/schedule.py" line="125"/>
        <source>{amount} past the hard end {t}</source>
        <translation>{amount} après l&apos;heure limite {t}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/ui/settings.py" line="91"/>
        <source>The settings file {path} could not be used ({reason}); defaults used.</source>
        <translation>Le fichier de réglages {path} est inutilisable ({reason})&#xa0;; réglages par défaut utilisés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="94"/>
        <source>The settings file could not be used ({reason}); it was kept as {name} and the defaults are used.</source>
        <translation>Le fichier de réglages était inutilisable ({reason})&#xa0;; il a été conservé sous le nom {name} et les réglages par défaut sont utilisés.</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../app/ui/keys.py" line="33"/>
        <source>Start / pause / resume</source>
        <translation>Démarrer / pause / reprendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="34"/>
        <source>Next segment</source>
        <translation>Séquence suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="38"/>
        <source>Previous segment (resumes its time)</source>
        <translation>Séquence précédente (reprend son temps)</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="40"/>
        <source>Add a minute</source>
        <translation>Ajouter une minute</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="41"/>
        <source>Remove a minute</source>
        <translation>Retirer une minute</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="42"/>
        <source>Blackout of the projector</source>
        <translation>Écran noir au projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="43"/>
        <source>Message: please wrap up</source>
        <translation>Message&#xa0;: merci de conclure</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="44"/>
        <source>Clear the message</source>
        <translation>Effacer le message</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="45"/>
        <source>Undo the last control</source>
        <translation>Annuler la dernière commande</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="49"/>
        <source>Clock times: as printed / from the actual start</source>
        <translation>Horaires&#xa0;: tels qu&apos;imprimés / depuis le début réel</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="51"/>
        <source>Roll mode on/off</source>
        <translation>Mode déroulé activé/désactivé</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="55"/>
        <source>Projector full screen on/off</source>
        <translation>Projecteur en plein écran ou non</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="57"/>
        <source>This help</source>
        <translation>Cette aide</translation>
    </message>
    <message>
        <location filename="../../app/ui/keys.py" line="59"/>
        <source>Quit (press twice during a session)</source>
        <translation>Quitter (deux fois pendant une séance)</translation>
    </message>
</context>
<context>
    <name>past_sessions</name>
    <message>
        <location filename="../../app/ui/past_sessions.py" line="108"/>
        <source>not ended</source>
        <translation>non terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/past_sessions.py" line="130"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../app/ui/past_sessions.py" line="138"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/past_sessions.py" line="139"/>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/past_sessions.py" line="140"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../app/ui/past_sessions.py" line="141"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../app/ui/past_sessions.py" line="159"/>
        <source>{n} timing log(s) in {folder}</source>
        <translation>{n} journal(aux) de minutage dans {folder}</translation>
    </message>
</context>
<context>
    <name>projector</name>
    <message>
        <location filename="../../app/ui/projector.py" line="472"/>
        <source>‖ Paused</source>
        <translation>‖ En pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="475"/>
        <source>Wrap up · {time}</source>
        <translation>Concluez · {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="478"/>
        <source>Finish now · {time}</source>
        <translation>Terminez · {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="481"/>
        <source>Time is up</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="490"/>
        <source>↑ Time elapsed</source>
        <translation>↑ Durée écoulée</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="493"/>
        <source>Time of day · until {time}</source>
        <translation>Heure · jusqu&apos;à {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="494"/>
        <source>Time of day</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="496"/>
        <source>Until {time}</source>
        <translation>Jusqu&apos;à {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="888"/>
        <source>Up next</source>
        <translation>À suivre</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="916"/>
        <source>Thank you!</source>
        <translation>Merci&#xa0;!</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="996"/>
        <source>Timekeeper — Projector</source>
        <translation>Timekeeper — Projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/projector.py" line="1225"/>
        <source>Please wrap up</source>
        <translation>Merci de conclure</translation>
    </message>
</context>
<context>
    <name>replay</name>
    <message>
        <location filename="../../app/ui/replay.py" line="120"/>
        <source>Not started</source>
        <translation>Pas commencée</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="122"/>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="124"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="125"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="133"/>
        <source>{event} (remote: {source})</source>
        <translation>{event} (à distance : {source})</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="141"/>
        <source>Message «{text}»</source>
        <translation>Message «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="143"/>
        <source>Time {span}</source>
        <translation>Temps {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="145"/>
        <source>Go to segment {n}</source>
        <translation>Aller à la séquence {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="148"/>
        <source>Blackout on</source>
        <translation>Écran noir</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="148"/>
        <source>Blackout off</source>
        <translation>Fin de l&apos;écran noir</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="152"/>
        <source>Message blinks</source>
        <translation>Le message clignote</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="154"/>
        <source>Message steady</source>
        <translation>Le message ne clignote plus</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="157"/>
        <source>Catch-up plan applied ({n} segments)</source>
        <translation>Plan de rattrapage appliqué ({n} séquences)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="161"/>
        <source>Resumed after a crash (down up to {span})</source>
        <translation>Reprise après un arrêt brutal (arrêt de {span} au plus)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="166"/>
        <source>Clock times as printed (absolute)</source>
        <translation>Horaires tels qu&apos;imprimés (absolus)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="167"/>
        <source>Clock times from the actual start (relative)</source>
        <translation>Horaires depuis le début réel (relatifs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="168"/>
        <source>Clock times: automatic anchor</source>
        <translation>Horaires&#xa0;: ancrage automatique</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="171"/>
        <source>Roll mode on</source>
        <translation>Mode déroulé activé</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="173"/>
        <source>Roll mode off</source>
        <translation>Mode déroulé désactivé</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="178"/>
        <source>Start</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="179"/>
        <location filename="../../app/ui/replay.py" line="931"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="180"/>
        <source>Resume</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="181"/>
        <source>Next segment</source>
        <translation>Séquence suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="182"/>
        <source>Previous segment</source>
        <translation>Séquence précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="183"/>
        <source>Message cleared</source>
        <translation>Message effacé</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="184"/>
        <source>End of session</source>
        <translation>Fin de séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="185"/>
        <source>Undo</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="194"/>
        <source>Roll mode left (a manual control)</source>
        <translation>Fin du mode déroulé (une commande manuelle)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="196"/>
        <source>Started by itself (roll mode)</source>
        <translation>Démarrage automatique (mode déroulé)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="198"/>
        <source>Ended by itself at zero</source>
        <translation>Fin automatique à zéro</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="200"/>
        <source>Segment {n} loaded by itself at zero, waiting</source>
        <translation>Séquence {n} chargée automatiquement à zéro, en attente</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="202"/>
        <source>Segment {n} by itself at its planned time (roll)</source>
        <translation>Séquence {n} automatiquement à son heure prévue (déroulé)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="203"/>
        <source>Segment {n} by itself at zero</source>
        <translation>Séquence {n} automatiquement à zéro</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="311"/>
        <source>This timing log cannot be read.</source>
        <translation>Ce journal de minutage est illisible.</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="323"/>
        <source>Replay — {file}</source>
        <translation>Rejeu — {file}</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="339"/>
        <source>Replay — {title}</source>
        <translation>Rejeu — {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="417"/>
        <source>Planned against actual</source>
        <translation>Prévu et réel</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="420"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="429"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="451"/>
        <source>This log is damaged: {details}. Everything that could be read is shown.</source>
        <translation>Ce journal est endommagé&#xa0;: {details}. Tout ce qui a pu être lu est affiché.</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="455"/>
        <source>({n} more problems)</source>
        <translation>({n} autres problèmes)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="459"/>
        <source>Timekeeper stopped and resumed: nothing was recorded from {start} to {end} (up to {span} down). The session went on in the room; the time counted.</source>
        <translation>Timekeeper s&apos;est arrêté puis a repris&#xa0;: rien n&apos;a été enregistré de {start} à {end} (arrêt de {span} au plus). La séance a continué dans la salle&#xa0;; ce temps a été compté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="471"/>
        <source>This session was never ended in Timekeeper: the log stops at {at}.</source>
        <translation>Cette séance n&apos;a jamais été terminée dans Timekeeper&#xa0;: le journal s&apos;arrête à {at}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="493"/>
        <source>Clock</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="494"/>
        <source>Countdown</source>
        <translation>Décompte</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="495"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="496"/>
        <source>Segment</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="497"/>
        <source>Schedule</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="498"/>
        <source>Hard end</source>
        <translation>Heure limite</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="499"/>
        <source>Projector</source>
        <translation>Projecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="500"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="501"/>
        <source>Pauses</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="527"/>
        <source>Part</source>
        <translation>Partie</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="528"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="529"/>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="530"/>
        <source>Left</source>
        <translation>Reste</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="620"/>
        <source>Previous event</source>
        <translation>Événement précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="622"/>
        <source>Previous event (Left)</source>
        <translation>Événement précédent (Gauche)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="630"/>
        <source>Next event</source>
        <translation>Événement suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="632"/>
        <source>Next event (Right)</source>
        <translation>Événement suivant (Droite)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="642"/>
        <source>Play at {n} times real time</source>
        <translation>Lire à {n} fois la vitesse réelle</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="818"/>
        <source>{clock}   ({elapsed} / {total})</source>
        <translation>{clock}   ({elapsed} / {total})</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="835"/>
        <source>Timekeeper was not running at this time (it stopped, then resumed).
Shown: what the timing reconstructs.</source>
        <translation>Timekeeper ne tournait pas à ce moment-là (arrêt puis reprise).
Affiché&#xa0;: ce que le minutage reconstitue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="849"/>
        <source>app down, reconstructed</source>
        <translation>application arrêtée, reconstitué</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="856"/>
        <source>overtime</source>
        <translation>dépassement</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="860"/>
        <source>ended at {clock}</source>
        <translation>terminée à {clock}</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="862"/>
        <source>projected end {clock}</source>
        <translation>fin estimée {clock}</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="872"/>
        <source>relative to the actual start {clock}</source>
        <translation>relatif au début réel {clock}</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="880"/>
        <source>{span} to spare</source>
        <translation>{span} de marge</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="884"/>
        <source>over by {span}</source>
        <translation>dépassé de {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="887"/>
        <source> (blinking)</source>
        <translation> (clignote)</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="892"/>
        <source>blackout</source>
        <translation>écran noir</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="892"/>
        <source>showing</source>
        <translation>affiché</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="895"/>
        <source>{n} pause(s), {span} in all</source>
        <translation>{n} pause(s), {span} au total</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="908"/>
        <source>over budget</source>
        <translation>budget dépassé</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="908"/>
        <source>left</source>
        <translation>reste</translation>
    </message>
    <message>
        <location filename="../../app/ui/replay.py" line="934"/>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../app/reports/summary.py" line="81"/>
        <source>Timing report</source>
        <translation>Rapport de minutage</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="82"/>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="83"/>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="84"/>
        <source>Not ended</source>
        <translation>Non terminée</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="85"/>
        <source>Not started</source>
        <translation>Pas commencée</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="86"/>
        <source>planned {clock}</source>
        <translation>prévu {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="87"/>
        <location filename="../../app/reports/qt/chart_paint.py" line="301"/>
        <source>relative to the actual start {clock}</source>
        <translation>relatif au début réel {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="88"/>
        <source>heading for {clock} at the last record</source>
        <translation>en route vers {clock} au dernier enregistrement</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="89"/>
        <source>Against the plan</source>
        <translation>Par rapport au prévu</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="90"/>
        <source>late</source>
        <translation>de retard</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="91"/>
        <source>early</source>
        <translation>d&apos;avance</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="92"/>
        <source>on time</source>
        <translation>à l&apos;heure</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="93"/>
        <source>Against the hard end</source>
        <translation>Par rapport à l&apos;heure limite</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="94"/>
        <source>after the hard end {clock}</source>
        <translation>après l&apos;heure limite {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="95"/>
        <source>before the hard end {clock}</source>
        <translation>avant l&apos;heure limite {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="96"/>
        <source>no hard end in the plan</source>
        <translation>pas d&apos;heure limite dans le déroulé</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="97"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="98"/>
        <source>{n} pause(s)</source>
        <translation>{n} pause(s)</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="99"/>
        <source>Downtime</source>
        <translation>Interruption</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="100"/>
        <source>{n} restart(s) after a crash</source>
        <translation>{n} redémarrage(s) après un arrêt brutal</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="101"/>
        <source>the app never stopped</source>
        <translation>l&apos;application ne s&apos;est jamais arrêtée</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="102"/>
        <source>Planned against actual</source>
        <translation>Prévu et réel</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="103"/>
        <source>Grey: the plan; blue: what happened; orange and hatched red: overrun. Hatched grey: the app was down (crash) and the session went on.</source>
        <translation>Gris&#xa0;: le prévu&#xa0;; bleu&#xa0;: ce qui s&apos;est passé&#xa0;; orange et hachures rouges&#xa0;: dépassement. Hachures grises&#xa0;: l&apos;application était arrêtée (arrêt brutal) et la séance a continué.</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="108"/>
        <source>Parts</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="109"/>
        <source>Segments</source>
        <translation>Séquences</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="110"/>
        <source>Segment</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="111"/>
        <source>Part</source>
        <translation>Partie</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="112"/>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="113"/>
        <source>Planned start</source>
        <translation>Début prévu</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="114"/>
        <source>Actual start</source>
        <translation>Début réel</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="115"/>
        <source>Start delay</source>
        <translation>Retard au début</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="116"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="117"/>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="118"/>
        <source>Longer than planned</source>
        <translation>Plus long que prévu</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="119"/>
        <source>Over the countdown</source>
        <translation>Au-delà du compte</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="120"/>
        <source>Pauses</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="121"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="122"/>
        <source>Largest overruns</source>
        <translation>Plus gros dépassements</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="123"/>
        <source>No segment ran over its planned time.</source>
        <translation>Aucune séquence n&apos;a dépassé son temps prévu.</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="124"/>
        <source>The log had problems; what could be read is reported</source>
        <translation>Le journal avait des problèmes&#xa0;; ce qui a pu être lu est rapporté</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="127"/>
        <source>Generated by Timekeeper {version} from {file}</source>
        <translation>Produit par Timekeeper {version} à partir de {file}</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="132"/>
        <location filename="../../app/reports/qt/chart_paint.py" line="432"/>
        <source>open</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="133"/>
        <source>skipped</source>
        <translation>sautée</translation>
    </message>
    <message>
        <location filename="../../app/reports/summary.py" line="134"/>
        <source>not reached</source>
        <translation>non atteinte</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="368"/>
        <source>Controls</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="453"/>
        <source>planned end {clock}</source>
        <translation>fin prévue {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="456"/>
        <source>hard end {clock}</source>
        <translation>heure limite {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="458"/>
        <source>ended {clock}</source>
        <translation>fin {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="461"/>
        <source>app down ≤ {span}</source>
        <translation>application arrêtée ≤ {span}</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="667"/>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="668"/>
        <source>actual</source>
        <translation>réel</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="669"/>
        <source>overrun</source>
        <translation>dépassement</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="672"/>
        <source>pause</source>
        <translation>pause</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="674"/>
        <source>app down (crash)</source>
        <translation>application arrêtée (arrêt brutal)</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="677"/>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="679"/>
        <source>time added/removed</source>
        <translation>temps ajouté/retiré</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="681"/>
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="683"/>
        <source>moved on by itself</source>
        <translation>passage automatique</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="685"/>
        <source>anchor / roll mode</source>
        <translation>ancrage / mode déroulé</translation>
    </message>
    <message>
        <location filename="../../app/reports/qt/chart_paint.py" line="687"/>
        <source>blackout / catch-up</source>
        <translation>écran noir / rattrapage</translation>
    </message>
</context>
<context>
    <name>running order</name>
    <message>
        <location filename="../../app/reports/running_order.py" line="63"/>
        <source>Running order</source>
        <translation>Déroulé</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="64"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="65"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="66"/>
        <source>Segment</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="67"/>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="68"/>
        <source>Planned end {clock}</source>
        <translation>Fin prévue {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="69"/>
        <source>end of the slot {clock}</source>
        <translation>fin du créneau {clock}</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="70"/>
        <source>{amount} to spare</source>
        <translation>{amount} de marge</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="71"/>
        <source>{amount} over the slot</source>
        <translation>{amount} de dépassement du créneau</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="72"/>
        <source>Printed by Timekeeper {version}</source>
        <translation>Imprimé par Timekeeper {version}</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="74"/>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="75"/>
        <source>Talk</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="76"/>
        <source>Questions from the floor</source>
        <translation>Échanges avec la salle</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="77"/>
        <source>Panel</source>
        <translation>Table ronde</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="78"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="79"/>
        <source>Conclusion</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../app/reports/running_order.py" line="80"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
</TS>

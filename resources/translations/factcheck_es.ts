<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>{name} is a folder, not a factcheck project.</source>
        <translation>{name} es una carpeta, no un proyecto de factcheck.</translation>
    </message>
    <message>
        <source>The desktop app cannot start: {error}.</source>
        <translation>La aplicación de escritorio no puede iniciarse: {error}.</translation>
    </message>
    <message>
        <source>--as-version-of takes exactly one file.</source>
        <translation>--as-version-of admite exactamente un archivo.</translation>
    </message>
    <message>
        <source>“{name}” holds the same article as “{other}”. Nothing was imported; to import both, add --again.</source>
        <translation>«{name}» contiene el mismo artículo que «{other}». No se importó nada; para importar ambos, añada --again.</translation>
    </message>
    <message>
        <source>“{name}” is already in this project: article {id} “{title}”, imported {when}. Nothing was imported; to import it as a second article, add --again.</source>
        <translation>«{name}» ya está en este proyecto: artículo {id} «{title}», importado el {when}. No se importó nada; para importarlo como un segundo artículo, añada --again.</translation>
    </message>
    <message>
        <source>The password given with --password does not open “{name}”.</source>
        <translation>La contraseña dada con --password no abre “{name}”.</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password: give it with --password.</source>
        <translation>“{name}” está protegido con contraseña: indíquela con --password.</translation>
    </message>
    <message>
        <source>Nothing changed: the text is the same as version {number}; no version was added.</source>
        <translation>Nada cambió: el texto es el mismo que el de la versión {number}; no se añadió ninguna versión.</translation>
    </message>
    <message>
        <source>Version {number} of “{title}” added from {name}.</source>
        <translation>Versión {number} de «{title}» añadida desde {name}.</translation>
    </message>
    <message>
        <source>Claims: {exact} unchanged, {moved} moved, {fuzzy} fuzzy, {orphaned} orphaned.</source>
        <translation>Afirmaciones: {exact} sin cambios, {moved} desplazadas, {fuzzy} con palabras cambiadas, {orphaned} sin anclar.</translation>
    </message>
    <message>
        <source>Fuzzy (the words changed; confirm or re-select them in the app, Article &gt; Review re-anchored claims):</source>
        <translation>Con palabras cambiadas (confírmelas o vuelva a seleccionarlas en la aplicación, Artículo &gt; Revisar afirmaciones reancladas):</translation>
    </message>
    <message>
        <source>was: “{words}”</source>
        <translation>antes: «{words}»</translation>
    </message>
    <message>
        <source>now: “{words}”</source>
        <translation>ahora: «{words}»</translation>
    </message>
    <message>
        <source>Orphaned (the words are gone; the claims keep their quote, under Unanchored):</source>
        <translation>Sin anclar (las palabras ya no están; las afirmaciones conservan su fragmento, en Sin anclar):</translation>
    </message>
    <message>
        <source>Listing claims</source>
        <translation>Listando afirmaciones</translation>
    </message>
    <message>
        <source>{path} already exists; use --force to replace it.</source>
        <translation>{path} ya existe; use --force para reemplazarlo.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>…and {n} more warnings like these.</source>
        <translation>…y {n} advertencias más como estas.</translation>
    </message>
    <message>
        <source>Wrote {files} files ({size}) of {n} attachments to {path}</source>
        <translation>Se escribieron {files} archivos ({size}) de {n} adjuntos en {path}</translation>
    </message>
    <message>
        <source>Claim {claim} does not cite “{source}”; cite it first, or attach the file to the source itself.</source>
        <translation>La afirmación {claim} no cita «{source}»; cítela primero, o adjunte el archivo a la propia fuente.</translation>
    </message>
    <message>
        <source>Attached {name} ({size}, {mime}) to “{source}”: SHA-256 {sha}</source>
        <translation>Se adjuntó {name} ({size}, {mime}) a «{source}»: SHA-256 {sha}</translation>
    </message>
    <message>
        <source>No files are attached.</source>
        <translation>No hay archivos adjuntos.</translation>
    </message>
    <message>
        <source>{source} (claim {claim})</source>
        <translation>{source} (afirmación {claim})</translation>
    </message>
    <message>
        <source>{size}, not in this copy</source>
        <translation>{size}, no está en esta copia</translation>
    </message>
    <message>
        <source>{n} sources match {source}; give more of its title or its id.</source>
        <translation>{n} fuentes coinciden con {source}; indique más de su título o su id.</translation>
    </message>
    <message>
        <source>No source has the id or title {source}.</source>
        <translation>Ninguna fuente tiene el id o el título {source}.</translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}.</source>
        <translation>No se puede leer {file}: {error}.</translation>
    </message>
    <message>
        <source>No article has an id starting {prefix}; see `factcheck info PROJECT` for the ids.</source>
        <translation>Ningún artículo tiene un id que empiece por {prefix}; consulte los ids con `factcheck info PROJECT`.</translation>
    </message>
    <message>
        <source>{n} articles have an id starting {prefix}; see `factcheck info PROJECT` for the ids.</source>
        <translation>{n} artículos tienen un id que empieza por {prefix}; consulte los ids con `factcheck info PROJECT`.</translation>
    </message>
    <message>
        <source>There is no claim with an id starting {prefix}; see `factcheck claims PROJECT --ids`.</source>
        <translation>No hay ninguna afirmación con un id que empiece por {prefix}; consulte `factcheck claims PROJECT --ids`.</translation>
    </message>
    <message>
        <source>There is {n} claims with an id starting {prefix}; see `factcheck claims PROJECT --ids`.</source>
        <translation>Hay {n} afirmaciones con un id que empieza por {prefix}; consulte `factcheck claims PROJECT --ids`.</translation>
    </message>
    <message>
        <source>{status} is not a review status; use one of: {statuses}.</source>
        <translation>{status} no es un estado de revisión; use uno de estos: {statuses}.</translation>
    </message>
    <message>
        <source>Checking claims</source>
        <translation>Comprobando afirmaciones</translation>
    </message>
    <message>
        <source>Those words are not in the article&apos;s current text: {quote}</source>
        <translation>Esas palabras no están en el texto actual del artículo: {quote}</translation>
    </message>
    <message>
        <source>Nothing was merged: {n} conflicts need a choice; run again with --ours or --theirs (or merge in the app and pick field by field).</source>
        <translation>No se fusionó nada: {n} conflictos necesitan una elección; vuelva a ejecutarlo con --ours o --theirs (o fusione en la aplicación y elija campo por campo).</translation>
    </message>
    <message>
        <source>Say where to write the hand-off file: --output FILE.</source>
        <translation>Indique dónde escribir el archivo de cambios: --output ARCHIVO.</translation>
    </message>
    <message>
        <source>{name} exists and is not a hand-off file; choose another name.</source>
        <translation>{name} ya existe y no es un archivo de cambios; elija otro nombre.</translation>
    </message>
    <message>
        <source>{name} is not linked to a sync server: run factcheck sync PROJECT --connect DSN.</source>
        <translation>{name} no está vinculado a un servidor de sincronización: ejecute factcheck sync PROYECTO --connect DSN.</translation>
    </message>
    <message>
        <source>Nothing was synced: {n} conflicts need a choice; run again with --ours or --theirs (or sync in the app and pick field by field).</source>
        <translation>No se sincronizó nada: {n} conflictos necesitan una elección; vuelva a ejecutarlo con --ours o --theirs (o sincronice en la aplicación y elija campo por campo).</translation>
    </message>
    <message>
        <source>{name} has no backups; list them with `factcheck backups {source}`.</source>
        <translation>{name} no tiene copias de seguridad; puede listarlas con `factcheck backups {source}`.</translation>
    </message>
    <message>
        <source>{name} has only 1 backup; list them with `factcheck backups {source}`.</source>
        <translation>{name} solo tiene 1 copia de seguridad; puede listarlas con `factcheck backups {source}`.</translation>
    </message>
    <message>
        <source>{name} has only {n} backups; list them with `factcheck backups {source}`.</source>
        <translation>{name} solo tiene {n} copias de seguridad; puede listarlas con `factcheck backups {source}`.</translation>
    </message>
    <message>
        <source>article&apos;s title</source>
        <extracomment>How a refusal names each one-line field.</extracomment>
        <translation>título del artículo</translation>
    </message>
    <message>
        <source>article&apos;s outlet</source>
        <translation>medio del artículo</translation>
    </message>
    <message>
        <source>article&apos;s author</source>
        <translation>autor del artículo</translation>
    </message>
    <message>
        <source>article&apos;s language</source>
        <translation>idioma del artículo</translation>
    </message>
    <message>
        <source>article&apos;s date</source>
        <translation>fecha del artículo</translation>
    </message>
    <message>
        <source>Articles have no field {name}.</source>
        <translation>Los artículos no tienen el campo {name}.</translation>
    </message>
    <message>
        <source>article&apos;s URL</source>
        <translation>URL del artículo</translation>
    </message>
    <message>
        <source>fact-check&apos;s published URL</source>
        <translation>URL publicada de la verificación</translation>
    </message>
    <message>
        <source>The article&apos;s date “{value}” is not a date. Write it as YYYY-MM-DD.</source>
        <translation>La fecha del artículo «{value}» no es una fecha. Escríbala como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>The article has no text.</source>
        <translation>El artículo no tiene texto.</translation>
    </message>
    <message>
        <source>There is no article with id {id} in this project.</source>
        <translation>No hay ningún artículo con el id {id} en este proyecto.</translation>
    </message>
    <message>
        <source>This project syncs through a server, so a new version cannot be taken back; add the right text as a newer version instead.</source>
        <translation>Este proyecto se sincroniza a través de un servidor, así que una versión nueva no se puede deshacer; añada en su lugar el texto correcto como una versión más reciente.</translation>
    </message>
    <message>
        <source>This version was sent to or merged with another copy since, so it can no longer be undone; add the right text as a newer version instead.</source>
        <translation>Esta versión se envió a otra copia o se fusionó con ella desde entonces, así que ya no se puede deshacer; añada en su lugar el texto correcto como una versión más reciente.</translation>
    </message>
    <message>
        <source>The article or its claims changed after this version was added, so it can no longer be undone; add the right text as a newer version instead.</source>
        <translation>El artículo o sus afirmaciones cambiaron después de añadir esta versión, así que ya no se puede deshacer; añada en su lugar el texto correcto como una versión más reciente.</translation>
    </message>
    <message>
        <source>There is no article version with id {id}.</source>
        <translation>No hay ninguna versión de artículo con el id {id}.</translation>
    </message>
    <message>
        <source>The original file is not stored in this project.</source>
        <translation>El archivo original no está guardado en este proyecto.</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>diaria</translation>
    </message>
    <message>
        <source>before upgrade</source>
        <translation>antes de actualizar</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be read ({why}).</source>
        <translation>No se puede leer la carpeta de copias de seguridad {folder} ({why}).</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be created ({why}).</source>
        <translation>No se puede crear la carpeta de copias de seguridad {folder} ({why}).</translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation>{name} no existe.</translation>
    </message>
    <message>
        <source>{name} is a folder; attach the files in it one by one.</source>
        <translation>{name} es una carpeta; adjunte sus archivos uno por uno.</translation>
    </message>
    <message>
        <source>{name} cannot be read: permission denied.</source>
        <translation>No se puede leer {name}: permiso denegado.</translation>
    </message>
    <message>
        <source>{name} is not a regular file, so it cannot be attached.</source>
        <translation>{name} no es un archivo normal, así que no se puede adjuntar.</translation>
    </message>
    <message>
        <source>{name} is {size}, over the evidence vault&apos;s limit of 2 GB: attach a shorter excerpt, or a note saying where the whole file is kept.</source>
        <translation>{name} ocupa {size}, más que el límite de 2 GB del archivo de evidencias: adjunte un fragmento más corto, o una nota que diga dónde se guarda el archivo completo.</translation>
    </message>
    <message>
        <source>{name} is empty: there is nothing to attach.</source>
        <translation>{name} está vacío: no hay nada que adjuntar.</translation>
    </message>
    <message>
        <source>{name} grew past the evidence vault&apos;s limit of 2 GB while it was read; nothing was stored.</source>
        <translation>{name} superó el límite de 2 GB del archivo de evidencias mientras se leía; no se guardó nada.</translation>
    </message>
    <message>
        <source>Storing {name} was cancelled; nothing was attached.</source>
        <translation>Se canceló el guardado de {name}; no se adjuntó nada.</translation>
    </message>
    <message>
        <source>The attached file “{name}” in {where} does not match its SHA-256: it was damaged or changed on the way; nothing was merged.</source>
        <translation>El archivo adjunto «{name}» de {where} no coincide con su SHA-256: se dañó o se modificó por el camino; no se fusionó nada.</translation>
    </message>
    <message>
        <source>attachment&apos;s note</source>
        <translation>nota del adjunto</translation>
    </message>
    <message>
        <source>That citation was removed; restore it before attaching files to it.</source>
        <translation>Esa cita se quitó; restáurela antes de adjuntarle archivos.</translation>
    </message>
    <message>
        <source>That source was deleted; restore it before attaching files to it.</source>
        <translation>Esa fuente se eliminó; restáurela antes de adjuntarle archivos.</translation>
    </message>
    <message>
        <source>That file is not stored in this project.</source>
        <translation>Ese archivo no está guardado en este proyecto.</translation>
    </message>
    <message>
        <source>“{name}” is already attached to this citation.</source>
        <translation>«{name}» ya está adjunto a esta cita.</translation>
    </message>
    <message>
        <source>“{name}” is already attached to this source.</source>
        <translation>«{name}» ya está adjunto a esta fuente.</translation>
    </message>
    <message>
        <source>There is no attachment with id {id} in this project.</source>
        <translation>No hay ningún adjunto con el id {id} en este proyecto.</translation>
    </message>
    <message>
        <source>This file is not stored in this copy of the project: it was attached in another copy and has not come here yet (merge that copy, or ask for a hand-off).</source>
        <translation>Este archivo no está guardado en esta copia del proyecto: se adjuntó en otra copia y todavía no ha llegado aquí (fusione esa copia o pida un archivo de cambios).</translation>
    </message>
    <message>
        <source>The stored copy of “{name}” is damaged: its bytes no longer match their SHA-256 ({sha}). Run factcheck verify, and attach the original again if you still have it.</source>
        <translation>La copia guardada de «{name}» está dañada: sus bytes ya no coinciden con su SHA-256 ({sha}). Ejecute factcheck verify y vuelva a adjuntar el original si aún lo tiene.</translation>
    </message>
    <message>
        <source>A copy of {name} could not be written for viewing: {reason}.</source>
        <translation>No se pudo escribir una copia de {name} para verla: {reason}.</translation>
    </message>
    <message>
        <source>a stored file that nothing is attached to ({sha}) no longer matches its SHA-256: it was changed outside factcheck, or damaged.</source>
        <translation>un archivo guardado que no está adjunto a nada ({sha}) ya no coincide con su SHA-256: se modificó fuera de factcheck, o se dañó.</translation>
    </message>
    <message>
        <source>a citation of “{source}” on claim {claim}</source>
        <translation>una cita de «{source}» en la afirmación {claim}</translation>
    </message>
    <message>
        <source>the source “{source}”</source>
        <translation>la fuente «{source}»</translation>
    </message>
    <message>
        <source>the file “{name}” attached to {where} no longer matches its SHA-256 ({sha}): its stored bytes were changed outside factcheck, or damaged.</source>
        <translation>el archivo «{name}» adjunto a {where} ya no coincide con su SHA-256 ({sha}): sus bytes guardados se modificaron fuera de factcheck, o se dañaron.</translation>
    </message>
    <message>
        <source>{problem} 1 more stored file does not match either.</source>
        <translation>{problem} Tampoco coincide 1 archivo guardado más.</translation>
    </message>
    <message>
        <source>{problem} {n} more stored files do not match either.</source>
        <translation>{problem} Tampoco coinciden {n} archivos guardados más.</translation>
    </message>
    <message>
        <source>{name} is not a file that can be restored.</source>
        <translation>{name} no es un archivo que se pueda restaurar.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({error}).</source>
        <translation>No se puede leer {name} ({error}).</translation>
    </message>
    <message>
        <source>{name} is not a factcheck project.</source>
        <translation>{name} no es un proyecto de factcheck.</translation>
    </message>
    <message>
        <source>{name} is damaged ({error}).</source>
        <translation>{name} está dañado ({error}).</translation>
    </message>
    <message>
        <source>{name} is damaged: {error}</source>
        <translation>{name} está dañado: {error}</translation>
    </message>
    <message>
        <source>No automatic backup of {name} was made: {reason}</source>
        <translation>No se hizo la copia de seguridad automática de {name}: {reason}</translation>
    </message>
    <message>
        <source>No automatic backup of {name} was made: {why} ({file}).</source>
        <translation>No se hizo la copia de seguridad automática de {name}: {why} ({file}).</translation>
    </message>
    <message>
        <source>No automatic backup of {name} was made: {why}.</source>
        <translation>No se hizo la copia de seguridad automática de {name}: {why}.</translation>
    </message>
    <message>
        <source>{name} already exists; a backup or restored copy is never written over a file, so choose a new name.</source>
        <translation>{name} ya existe; una copia de seguridad o una copia restaurada nunca sobrescribe un archivo, así que elija otro nombre.</translation>
    </message>
    <message>
        <source>{name} could not be backed up to {folder} ({error}).</source>
        <translation>No se pudo hacer la copia de seguridad de {name} en {folder} ({error}).</translation>
    </message>
    <message>
        <source>Cannot write {name}: the folder {folder} does not exist.</source>
        <translation>No se puede escribir {name}: la carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>The backup of {name} did not check out, so it was not kept: {reason}</source>
        <translation>La copia de seguridad de {name} no superó la comprobación, así que no se conservó: {reason}</translation>
    </message>
    <message>
        <source>{clause}.</source>
        <translation>{clause}.</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>Se canceló la comprobación.</translation>
    </message>
    <message>
        <source>has no rating</source>
        <translation>no tiene calificación</translation>
    </message>
    <message>
        <source>cites no source</source>
        <translation>no cita ninguna fuente</translation>
    </message>
    <message>
        <source>has no verdict summary</source>
        <translation>no tiene resumen del veredicto</translation>
    </message>
    <message>
        <source>has a verdict summary longer than one sentence</source>
        <translation>tiene un resumen del veredicto de más de una oración</translation>
    </message>
    <message>
        <source>has a statement of {length} characters (over {limit})</source>
        <translation>tiene un enunciado de {length} caracteres (más de {limit})</translation>
    </message>
    <message>
        <source>has the rating word “{label}” inside its statement</source>
        <translation>incluye la calificación «{label}» en su enunciado</translation>
    </message>
    <message>
        <source>has 1 unresolved review comment</source>
        <translation>tiene 1 comentario de revisión sin resolver</translation>
    </message>
    <message>
        <source>has {n} unresolved review comments</source>
        <translation>tiene {n} comentarios de revisión sin resolver</translation>
    </message>
    <message>
        <source>is anchored to words that changed: confirm them in the article</source>
        <translation>está anclada a palabras que cambiaron: confírmelas en el artículo</translation>
    </message>
    <message>
        <source>lost its words in the article (unanchored)</source>
        <translation>perdió sus palabras en el artículo (sin anclar)</translation>
    </message>
    <message>
        <source>has 1 verification task not done: {tasks}</source>
        <translation>tiene 1 tarea de verificación sin hacer: {tasks}</translation>
    </message>
    <message>
        <source>has {n} verification tasks not done: {tasks}</source>
        <translation>tiene {n} tareas de verificación sin hacer: {tasks}</translation>
    </message>
    <message>
        <source>cites {n} confidential source(s) whose details this export would include</source>
        <translation>cita {n} fuente(s) confidencial(es) cuyos datos incluiría esta exportación</translation>
    </message>
    <message>
        <source>cites {n} confidential source(s): exports show them as “confidential source”</source>
        <translation>cita {n} fuente(s) confidencial(es): las exportaciones las muestran como «fuente confidencial»</translation>
    </message>
    <message>
        <source>statement</source>
        <extracomment>How a refusal names each text field.
----------
How each field is named to a person (history lines, &quot;Undo Edit claim rating&quot;).</extracomment>
        <translation>enunciado</translation>
    </message>
    <message>
        <source>claimant</source>
        <translation>autor de la afirmación</translation>
    </message>
    <message>
        <source>verdict summary</source>
        <extracomment>Claim and source fields as a report names them.</extracomment>
        <translation>resumen del veredicto</translation>
    </message>
    <message>
        <source>rationale</source>
        <translation>fundamentación</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>Claims have no field {name}.</source>
        <translation>Las afirmaciones no tienen el campo {name}.</translation>
    </message>
    <message>
        <source>{value} is not a rating on the {scale} scale.</source>
        <translation>{value} no es una calificación de la escala {scale}.</translation>
    </message>
    <message>
        <source>claim date</source>
        <translation>fecha de la afirmación</translation>
    </message>
    <message>
        <source>The selection is outside the article&apos;s text.</source>
        <translation>La selección queda fuera del texto del artículo.</translation>
    </message>
    <message>
        <source>Select some words of the article to make a claim.</source>
        <translation>Seleccione algunas palabras del artículo para crear una afirmación.</translation>
    </message>
    <message>
        <source>This claim was changed elsewhere since you opened it; reload it and try again.</source>
        <translation>Esta afirmación se modificó en otro lugar después de que usted la abriera; vuelva a cargarla e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This verdict was already approved: give a reason for changing it (it goes back to review).</source>
        <translation>Este veredicto ya se aprobó: indique un motivo para cambiarlo (vuelve a revisión).</translation>
    </message>
    <message>
        <source>This claim&apos;s verdict was retracted; a retraction cannot be undone.</source>
        <translation>El veredicto de esta afirmación se retiró; una retractación no se puede deshacer.</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>Only an approved or published verdict is retracted; delete this claim instead.</source>
        <translation>Solo se retira un veredicto aprobado o publicado; elimine esta afirmación en su lugar.</translation>
    </message>
    <message>
        <source>This verdict is published: deleting its claim retracts it, which needs a reason (the retraction is public).</source>
        <translation>Este veredicto está publicado: eliminar su afirmación lo retira, y para eso hace falta un motivo (la retractación es pública).</translation>
    </message>
    <message>
        <source>This verdict is approved: deleting its claim retracts it, which needs a reason (the retraction is public).</source>
        <translation>Este veredicto está aprobado: eliminar su afirmación lo retira, y para eso hace falta un motivo (la retractación es pública).</translation>
    </message>
    <message>
        <source>Select some words of the article to anchor the claim to.</source>
        <translation>Seleccione algunas palabras del artículo para anclar en ellas la afirmación.</translation>
    </message>
    <message>
        <source>A claim can only be anchored in its own article.</source>
        <translation>Una afirmación solo puede anclarse en su propio artículo.</translation>
    </message>
    <message>
        <source>This claim&apos;s verdict was signed off since this step; it can no longer be undone.</source>
        <translation>El veredicto de esta afirmación se aprobó después de este paso; ya no se puede deshacer.</translation>
    </message>
    <message>
        <source>the quoted words changed in version {number}</source>
        <translation>las palabras citadas cambiaron en la versión {number}</translation>
    </message>
    <message>
        <source>the claim was re-anchored to other words in version {number}</source>
        <translation>la afirmación se reancló a otras palabras en la versión {number}</translation>
    </message>
    <message>
        <source>There is no claim with id {id} in this project.</source>
        <translation>No hay ninguna afirmación con el id {id} en este proyecto.</translation>
    </message>
    <message>
        <source>No words changed.</source>
        <translation>No cambió ninguna palabra.</translation>
    </message>
    <message>
        <source>1 word inserted</source>
        <translation>1 palabra insertada</translation>
    </message>
    <message>
        <source>{n} words inserted</source>
        <translation>{n} palabras insertadas</translation>
    </message>
    <message>
        <source>1 word deleted</source>
        <translation>1 palabra eliminada</translation>
    </message>
    <message>
        <source>{n} words deleted</source>
        <translation>{n} palabras eliminadas</translation>
    </message>
    <message>
        <source>{inserted}, {deleted}</source>
        <translation>{inserted}, {deleted}</translation>
    </message>
    <message>
        <source>punctuation only</source>
        <translation>solo puntuación</translation>
    </message>
    <message>
        <source>1 change: {details}.</source>
        <translation>1 cambio: {details}.</translation>
    </message>
    <message>
        <source>{n} changes: {details}.</source>
        <translation>{n} cambios: {details}.</translation>
    </message>
    <message>
        <source>it has no data.</source>
        <translation>no tiene datos.</translation>
    </message>
    <message>
        <source>its data is not valid text (not UTF-8): the row was damaged.</source>
        <translation>sus datos no son texto válido (no son UTF-8): la fila se dañó.</translation>
    </message>
    <message>
        <source>its data is not readable (not JSON): the row was damaged.</source>
        <translation>sus datos no se pueden leer (no son JSON): la fila se dañó.</translation>
    </message>
    <message>
        <source>its data is not readable (not a JSON object): the row was damaged.</source>
        <translation>sus datos no se pueden leer (no son un objeto JSON): la fila se dañó.</translation>
    </message>
    <message>
        <source>time</source>
        <translation>hora</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>action</source>
        <translation>acción</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>objeto</translation>
    </message>
    <message>
        <source>id</source>
        <translation>identificador</translation>
    </message>
    <message>
        <source>list of parents</source>
        <translation>lista de padres</translation>
    </message>
    <message>
        <source>link to the event before</source>
        <translation>enlace al evento anterior</translation>
    </message>
    <message>
        <source>hash</source>
        <translation>hash</translation>
    </message>
    <message>
        <source>It has no data.</source>
        <extracomment>The problems above at the start of a sentence (``_sentence`` capitalises them): listed for the catalogue.</extracomment>
        <translation>No tiene datos.</translation>
    </message>
    <message>
        <source>Its data is not valid text (not UTF-8): the row was damaged.</source>
        <translation>Sus datos no son texto válido (no son UTF-8): la fila se dañó.</translation>
    </message>
    <message>
        <source>Its data is not readable (not JSON): the row was damaged.</source>
        <translation>Sus datos no se pueden leer (no son JSON): la fila se dañó.</translation>
    </message>
    <message>
        <source>Its data is not readable (not a JSON object): the row was damaged.</source>
        <translation>Sus datos no se pueden leer (no son un objeto JSON): la fila se dañó.</translation>
    </message>
    <message>
        <source>Its {column} is not valid text (not UTF-8): the row was damaged.</source>
        <translation>El campo «{column}» no es texto válido (no es UTF-8): la fila se dañó.</translation>
    </message>
    <message>
        <source>its {column} is not valid text (not UTF-8): the row was damaged.</source>
        <translation>el campo «{column}» no es texto válido (no es UTF-8): la fila se dañó.</translation>
    </message>
    <message>
        <source>History intact: {events} events, every hash matches; {entities} articles, claims, sources and citations match it.</source>
        <translation>Historial íntegro: {events} eventos, todos los hashes coinciden; {entities} artículos, afirmaciones, fuentes y citas concuerdan con él.</translation>
    </message>
    <message>
        <source>History intact: {events} events, every hash matches.</source>
        <translation>Historial íntegro: {events} eventos, todos los hashes coinciden.</translation>
    </message>
    <message>
        <source>History intact ({events} events) but the project&apos;s state is not: {problem}</source>
        <translation>El historial está íntegro ({events} eventos), pero el estado del proyecto no: {problem}</translation>
    </message>
    <message>
        <source>History broken at event {seq}: {problem}</source>
        <translation>Historial roto en el evento {seq}: {problem}</translation>
    </message>
    <message>
        <source>{problem} ({action} by {actor})</source>
        <translation>{problem} ({action}, por {actor})</translation>
    </message>
    <message>
        <source>1 claim has no record of being made: events were removed from the end of the history, or the rows were added outside factcheck.</source>
        <extracomment>Rows of a table with no event that made them: (one, ``n``).</extracomment>
        <translation>1 afirmación no tiene registro de su creación: se eliminaron eventos del final del historial, o las filas se añadieron fuera de factcheck.</translation>
    </message>
    <message>
        <source>{n} claims have no record of being made: events were removed from the end of the history, or the rows were added outside factcheck.</source>
        <translation>{n} afirmaciones no tienen registro de su creación: se eliminaron eventos del final del historial, o las filas se añadieron fuera de factcheck.</translation>
    </message>
    <message>
        <source>1 article has no record of being made: events were removed from the end of the history, or the rows were added outside factcheck.</source>
        <translation>1 artículo no tiene registro de su creación: se eliminaron eventos del final del historial, o las filas se añadieron fuera de factcheck.</translation>
    </message>
    <message>
        <source>{n} articles have no record of being made: events were removed from the end of the history, or the rows were added outside factcheck.</source>
        <translation>{n} artículos no tienen registro de su creación: se eliminaron eventos del final del historial, o las filas se añadieron fuera de factcheck.</translation>
    </message>
    <message>
        <source>1 source has no record of being made: events were removed from the end of the history, or the rows were added outside factcheck.</source>
        <translation>1 fuente no tiene registro de su creación: se eliminaron eventos del final del historial, o las filas se añadieron fuera de factcheck.</translation>
    </message>
    <message>
        <source>{n} sources have no record of being made: events were removed from the end of the history, or the rows were added outside factcheck.</source>
        <translation>{n} fuentes no tienen registro de su creación: se eliminaron eventos del final del historial, o las filas se añadieron fuera de factcheck.</translation>
    </message>
    <message>
        <source>The check of the history was cancelled.</source>
        <translation>Se canceló la comprobación del historial.</translation>
    </message>
    <message>
        <source>the history does not begin with the project&apos;s creation: its first events were removed.</source>
        <translation>el historial no empieza con la creación del proyecto: se eliminaron sus primeros eventos.</translation>
    </message>
    <message>
        <source>event {seq} is missing: it was removed.</source>
        <translation>falta el evento {seq}: se eliminó.</translation>
    </message>
    <message>
        <source>part of it is not text: the row was altered, or inserted by hand.</source>
        <translation>parte de él no es texto: la fila se alteró o se insertó a mano.</translation>
    </message>
    <message>
        <source>its content does not match its id ({action} by {actor}): the row was altered, or inserted by hand.</source>
        <translation>su contenido no coincide con su identificador ({action}, por {actor}): la fila se alteró o se insertó a mano.</translation>
    </message>
    <message>
        <source>its content does not match its hash ({action} by {actor}): the row was altered, or inserted by hand.</source>
        <translation>su contenido no coincide con su hash ({action}, por {actor}): la fila se alteró o se insertó a mano.</translation>
    </message>
    <message>
        <source>its list of parents is not the event before it ({action} by {actor}): the row was altered.</source>
        <translation>su lista de padres no es el evento anterior ({action}, por {actor}): la fila se alteró.</translation>
    </message>
    <message>
        <source>it names a parent event this history does not hold before it ({action} by {actor}): an event was removed, or the row was altered.</source>
        <translation>nombra un evento padre que este historial no contiene antes que él ({action}, por {actor}): se eliminó un evento o la fila se alteró.</translation>
    </message>
    <message>
        <source>it does not follow the event before it: an event was removed, inserted or altered just before it.</source>
        <translation>no sigue al evento anterior: justo antes se eliminó, se insertó o se alteró un evento.</translation>
    </message>
    <message>
        <source>its data does not hold what its action logs ({action} by {actor}): the row was altered, or written by hand.</source>
        <translation>sus datos no contienen lo que registra su acción ({action}, por {actor}): la fila se alteró o se escribió a mano.</translation>
    </message>
    <message>
        <source>the history is empty: every event was removed.</source>
        <translation>el historial está vacío: se eliminaron todos los eventos.</translation>
    </message>
    <message>
        <source>The {what} must be text.</source>
        <translation>El campo «{what}» debe ser texto.</translation>
    </message>
    <message>
        <source>The {what} contains a NUL character; remove it.</source>
        <translation>El campo «{what}» contiene un carácter NUL; elimínelo.</translation>
    </message>
    <message>
        <source>The {what} is {length} characters long; the limit is {limit}.</source>
        <translation>El campo «{what}» tiene {length} caracteres; el límite es {limit}.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).</source>
        <translation>Escriba la fecha como AAAA-MM-DD (o AAAA-MM, o AAAA).</translation>
    </message>
    <message>
        <source>{year} is not a plausible year; write the date as YYYY-MM-DD.</source>
        <translation>{year} no es un año plausible; escriba la fecha como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>{value} is not a date on the calendar.</source>
        <translation>{value} no es una fecha del calendario.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>The {what} “{value}” is not a date. {problem}</source>
        <translation>«{value}» no es una fecha válida para el campo «{what}». {problem}</translation>
    </message>
    <message>
        <source>Only web addresses (http:// or https://) are kept; “{scheme}:” links are not.</source>
        <translation>Solo se guardan direcciones web (http:// o https://); los enlaces «{scheme}:» no.</translation>
    </message>
    <message>
        <source>Write a full web address, starting with https://.</source>
        <translation>Escriba una dirección web completa, que empiece por https://.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The {what} “{value}” cannot be kept. {problem}</source>
        <translation>No se puede guardar «{value}» en el campo «{what}». {problem}</translation>
    </message>
    <message>
        <source>The verdict summary should be one sentence.</source>
        <translation>El resumen del veredicto debe ser una sola oración.</translation>
    </message>
    <message>
        <source>Check-worthiness is a number from 1 to 5.</source>
        <translation>El interés para verificar es un número del 1 al 5.</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <source>Edit claim</source>
        <extracomment>What an edit of many fields, or of one ``field``, is called (&quot;Undo Edit claim rating&quot;).</extracomment>
        <translation>Editar afirmación</translation>
    </message>
    <message>
        <source>Edit claim {field}</source>
        <translation>Editar {field} de la afirmación</translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation>Editar fuente</translation>
    </message>
    <message>
        <source>Edit source {field}</source>
        <translation>Editar {field} de la fuente</translation>
    </message>
    <message>
        <source>Edit citation</source>
        <translation>Editar cita</translation>
    </message>
    <message>
        <source>Edit citation {field}</source>
        <translation>Editar {field} de la cita</translation>
    </message>
    <message>
        <source>Edit article</source>
        <translation>Editar artículo</translation>
    </message>
    <message>
        <source>Edit article {field}</source>
        <translation>Editar {field} del artículo</translation>
    </message>
    <message>
        <source>Submit</source>
        <extracomment>A review decision on one claim, and on ``n`` claims.</extracomment>
        <translation>Enviar a revisión</translation>
    </message>
    <message>
        <source>Submit {n} claims</source>
        <translation>Enviar {n} afirmaciones a revisión</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Approve {n} claims</source>
        <translation>Aprobar {n} afirmaciones</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>Pedir cambios</translation>
    </message>
    <message>
        <source>Request changes {n} claims</source>
        <translation>Pedir cambios en {n} afirmaciones</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Publish {n} claims</source>
        <translation>Publicar {n} afirmaciones</translation>
    </message>
    <message>
        <source>New claim</source>
        <translation>Nueva afirmación</translation>
    </message>
    <message>
        <source>A claim this step made has a signed-off verdict now; retract it instead of undoing.</source>
        <translation>Una afirmación creada en este paso tiene ahora un veredicto aprobado; retírelo en lugar de deshacer el paso.</translation>
    </message>
    <message>
        <source>This claim was changed elsewhere since this step; it can no longer be undone.</source>
        <translation>Esta afirmación se modificó en otro lugar después de este paso; ya no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete claim</source>
        <translation>Eliminar afirmación</translation>
    </message>
    <message>
        <source>Retract verdict</source>
        <translation>Retirar veredicto</translation>
    </message>
    <message>
        <source>Re-anchor claim</source>
        <translation>Reanclar afirmación</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Nueva fuente</translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation>Eliminar fuente</translation>
    </message>
    <message>
        <source>Cite source</source>
        <translation>Citar fuente</translation>
    </message>
    <message>
        <source>Remove citation</source>
        <translation>Quitar cita</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Adjuntar archivo</translation>
    </message>
    <message>
        <source>Remove attached file</source>
        <translation>Quitar archivo adjunto</translation>
    </message>
    <message>
        <source>Import article</source>
        <translation>Importar artículo</translation>
    </message>
    <message>
        <source>Update article</source>
        <translation>Actualizar el artículo</translation>
    </message>
    <message>
        <source>Delete article</source>
        <translation>Eliminar artículo</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Añadir comentario</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>Resolver comentario</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>Reabrir comentario</translation>
    </message>
    <message>
        <source>Change {setting}</source>
        <translation>Cambiar {setting}</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Importar anotaciones</translation>
    </message>
    <message>
        <source>Change project settings</source>
        <translation>Cambiar los ajustes del proyecto</translation>
    </message>
    <message>
        <source>These project settings were changed elsewhere since this step; it can no longer be undone.</source>
        <translation>Estos ajustes del proyecto se modificaron en otro lugar después de este paso; ya no se puede deshacer.</translation>
    </message>
    <message>
        <source>Tick task</source>
        <translation>Marcar tarea</translation>
    </message>
    <message>
        <source>Untick task</source>
        <translation>Desmarcar tarea</translation>
    </message>
    <message>
        <source>That verification task is no longer in the project&apos;s list; this step can no longer be undone.</source>
        <translation>Esa tarea de verificación ya no está en la lista del proyecto; este paso ya no se puede deshacer.</translation>
    </message>
    <message>
        <source>Tick “{task}”</source>
        <translation>Marcar «{task}»</translation>
    </message>
    <message>
        <source>Untick “{task}”</source>
        <translation>Desmarcar «{task}»</translation>
    </message>
    <message>
        <source>This task was ticked or unticked elsewhere since this step; it can no longer be undone.</source>
        <translation>Esta tarea se marcó o se desmarcó en otro lugar después de este paso; ya no se puede deshacer.</translation>
    </message>
    <message>
        <source>Merge {name}</source>
        <translation>Fusionar {name}</translation>
    </message>
    <message>
        <source>deleted or kept</source>
        <extracomment>What a merge settles besides fields (``merge.UNIT_NAMES`` adds more): a row&apos;s life, a claim&apos;s place in the text.</extracomment>
        <translation>eliminada o conservada</translation>
    </message>
    <message>
        <source>review status</source>
        <extracomment>Units a person can read, named as the app names them (fields: as the history names them).</extracomment>
        <translation>estado de revisión</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>ticked</source>
        <translation>marcada</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>quoted words</source>
        <translation>palabras citadas</translation>
    </message>
    <message>
        <source>fact-check URL</source>
        <translation>URL de la verificación</translation>
    </message>
    <message>
        <source>citation</source>
        <translation>cita</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>ajuste</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>adjunto</translation>
    </message>
    <message>
        <source>Nothing to merge: this project already holds everything in {name}.</source>
        <translation>Nada que fusionar: este proyecto ya contiene todo lo de {name}.</translation>
    </message>
    <message>
        <source>{n} attached files would come in from {name}: this copy has their attachments but not their bytes.</source>
        <translation>Entrarían {n} archivos adjuntos desde {name}: esta copia tiene sus adjuntos, pero no sus bytes.</translation>
    </message>
    <message>
        <source>{n} changes would come in from {name} ({parts}); {c} conflicts.</source>
        <translation>Llegarían {n} cambios de {name} ({parts}); {c} conflictos.</translation>
    </message>
    <message>
        <source>{name} was saved by a newer version of factcheck; update factcheck to merge it.</source>
        <translation>{name} se guardó con una versión más reciente de factcheck; actualice factcheck para fusionarlo.</translation>
    </message>
    <message>
        <source>{name} is this project itself; choose a copy of it to merge.</source>
        <translation>{name} es este mismo proyecto; elija una copia de él para fusionar.</translation>
    </message>
    <message>
        <source>{name} holds no history: was it copied while the project was open? Copy it again after closing the project, or send a hand-off (File &gt; Send changes…).</source>
        <translation>{name} no tiene historial: ¿se copió mientras el proyecto estaba abierto? Cópielo de nuevo después de cerrar el proyecto, o envíe un archivo de cambios (Archivo &gt; Enviar cambios…).</translation>
    </message>
    <message>
        <source>{name} is not a copy of this project: they share no history.</source>
        <translation>{name} no es una copia de este proyecto: no comparten historial.</translation>
    </message>
    <message>
        <source>{name} cannot be merged: its history is damaged ({problem})</source>
        <translation>{name} no se puede fusionar: su historial está dañado ({problem})</translation>
    </message>
    <message>
        <source>The {kind} “{name}” was deleted in one copy and edited in the other: keep it or delete it.</source>
        <translation>Elemento {kind} «{name}»: se eliminó en una copia y se editó en la otra; conservarlo o eliminarlo.</translation>
    </message>
    <message>
        <source>The {field} of the {kind} “{name}” was changed in both copies: here “{ours}”, there “{theirs}” (before: “{base}”).</source>
        <translation>Se cambió {field} de {kind} «{name}» en las dos copias: aquí «{ours}», allí «{theirs}» (antes: «{base}»).</translation>
    </message>
    <message>
        <source>{name} holds changes of another project, not of this one; nothing was merged.</source>
        <translation>{name} contiene cambios de otro proyecto, no de este; no se fusionó nada.</translation>
    </message>
    <message>
        <source>{name} cannot be merged: its history is damaged (the {kind} {id} is not what its events say: it was changed outside factcheck).</source>
        <translation>{name} no se puede fusionar: su historial está dañado ({kind} {id}: no es lo que dicen sus eventos; se cambió fuera de factcheck).</translation>
    </message>
    <message>
        <source>{name} can no longer be read (moved, or its drive taken out?), so the files attached in it could not be brought in; nothing was merged.</source>
        <translation>{name} ya no se puede leer (¿se movió o se retiró su unidad?), así que no se pudieron traer los archivos adjuntados en ella; no se fusionó nada.</translation>
    </message>
    <message>
        <source>The article “{name}” was deleted in one copy while its claims were worked on in the other: keep it or delete it.</source>
        <translation>El artículo «{name}» se eliminó en una copia mientras en la otra se trabajaba en sus afirmaciones: consérvelo o elimínelo.</translation>
    </message>
    <message>
        <source>The article “{name}” was deleted in one copy while a new version of it was added in the other: keep it or delete it.</source>
        <translation>El artículo «{name}» se eliminó en una copia mientras en la otra se le añadía una versión nueva: consérvelo o elimínelo.</translation>
    </message>
    <message>
        <source>The claim “{name}” was deleted in one copy while its comments, citations or tasks were worked on in the other: keep it or delete it.</source>
        <translation>La afirmación «{name}» se eliminó en una copia mientras en la otra se trabajaba en sus comentarios, citas o tareas: consérvela o elimínela.</translation>
    </message>
    <message>
        <source>The source “{name}” was deleted in one copy while files were attached to it in the other: keep it or delete it.</source>
        <translation>La fuente «{name}» se eliminó en una copia mientras en la otra se le adjuntaban archivos: consérvela o elimínela.</translation>
    </message>
    <message>
        <source>The source “{name}” was deleted in one copy while it was cited in the other: keep it or delete it.</source>
        <translation>La fuente «{name}» se eliminó en una copia mientras en la otra se citaba: consérvela o elimínela.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{n} conflicts need a choice before merging; the first: {sentence}</source>
        <translation>Hay {n} conflictos que resolver antes de fusionar; el primero: {sentence}</translation>
    </message>
    <message>
        <source>This project changed since the merge was planned; plan it again.</source>
        <translation>Este proyecto cambió desde que se preparó la fusión; vuelva a prepararla.</translation>
    </message>
    <message>
        <source>Pick one copy&apos;s {field}: it cannot be typed in.</source>
        <translation>Elija el campo «{field}» de una de las copias: no se puede escribir a mano.</translation>
    </message>
    <message>
        <source>The approval by {approver} lapsed when copies were merged: the verdict was changed in the other copy since.</source>
        <translation>La aprobación de {approver} quedó sin efecto al fusionar las copias: el veredicto se cambió después en la otra copia.</translation>
    </message>
    <message>
        <source>The approval by {approver} lapsed when copies were merged: {approver} also wrote the verdict (four-eyes rule).</source>
        <translation>La aprobación de {approver} quedó sin efecto al fusionar las copias: {approver} también escribió el veredicto (regla de los cuatro ojos).</translation>
    </message>
    <message>
        <source>This project syncs through a server, so a merge cannot be taken back; change what needs changing instead.</source>
        <translation>Este proyecto se sincroniza con un servidor, así que una fusión no se puede deshacer; cambie lo que haga falta.</translation>
    </message>
    <message>
        <source>The project changed after the merge, so the merge can no longer be undone; a backup from before it can be restored (File &gt; Restore from backup…).</source>
        <translation>El proyecto cambió después de la fusión, así que ya no se puede deshacer; se puede restaurar una copia de seguridad anterior (Archivo &gt; Restaurar desde copia de seguridad…).</translation>
    </message>
    <message>
        <source>Draft</source>
        <extracomment>Review statuses by name, shown through ``language.ui``.</extracomment>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Cambios pedidos</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicada</translation>
    </message>
    <message>
        <source>{name} is not a file (a pipe or a device?), not a factcheck project.</source>
        <translation>{name} no es un archivo (¿una tubería o un dispositivo?), no un proyecto de factcheck.</translation>
    </message>
    <message>
        <source>{name} is empty: it is not a factcheck project.</source>
        <translation>{name} está vacío: no es un proyecto de factcheck.</translation>
    </message>
    <message>
        <source>{name} is damaged: the file was cut short (it holds 1 byte).</source>
        <translation>{name} está dañado: el archivo quedó cortado (contiene 1 byte).</translation>
    </message>
    <message>
        <source>{name} is damaged: the file was cut short (it holds {size} bytes).</source>
        <translation>{name} está dañado: el archivo quedó cortado (contiene {size} bytes).</translation>
    </message>
    <message>
        <source>{name} already exists; choose another name or open it.</source>
        <translation>{name} ya existe; elija otro nombre o ábralo.</translation>
    </message>
    <message>
        <source>Cannot create {name}: the folder {folder} does not exist.</source>
        <translation>No se puede crear {name}: la carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>{name} is an SQLite database of another program, not a factcheck project.</source>
        <translation>{name} es una base de datos SQLite de otro programa, no un proyecto de factcheck.</translation>
    </message>
    <message>
        <source>{name} was saved by a newer version of factcheck; update factcheck to open it.</source>
        <translation>{name} se guardó con una versión más reciente de factcheck; actualice factcheck para abrirlo.</translation>
    </message>
    <message>
        <source>{name} is open elsewhere in a mode a network drive cannot share safely; close it everywhere, then open it again.</source>
        <translation>{name} está abierto en otro lugar en un modo que una unidad de red no puede compartir con seguridad; ciérrelo en todas partes y vuelva a abrirlo.</translation>
    </message>
    <message>
        <source>{name} is in use by another program; close it there first.</source>
        <translation>{name} está en uso por otro programa; ciérrelo allí primero.</translation>
    </message>
    <message>
        <source>{name} holds no project yet: a copy of a project&apos;s file taken while factcheck had it open can be left empty. Copy an open project with File &gt; Save a copy to file… (or factcheck backup --output) instead.</source>
        <translation>{name} todavía no contiene ningún proyecto: una copia del archivo de un proyecto hecha mientras factcheck lo tenía abierto puede quedar vacía. Copie un proyecto abierto con Archivo &gt; Guardar una copia en un archivo… (o factcheck backup --output).</translation>
    </message>
    <message>
        <source>{name} is read-only and was made by an older factcheck; make it writable so it can be upgraded.</source>
        <translation>{name} es de solo lectura y se creó con una versión anterior de factcheck; permita escribir en él para poder actualizarlo.</translation>
    </message>
    <message>
        <source>There is no rating scale called {name}; choose one of: {scales}.</source>
        <translation>No existe ninguna escala de calificación llamada {name}; elija una de estas: {scales}.</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>fragmento</translation>
    </message>
    <message>
        <source>text before the quote</source>
        <translation>texto anterior al fragmento</translation>
    </message>
    <message>
        <source>text after the quote</source>
        <translation>texto posterior al fragmento</translation>
    </message>
    <message>
        <source>anchor state</source>
        <translation>estado del anclaje</translation>
    </message>
    <message>
        <source>version</source>
        <translation>versión</translation>
    </message>
    <message>
        <source>article</source>
        <translation>artículo</translation>
    </message>
    <message>
        <source>start offset</source>
        <translation>posición inicial</translation>
    </message>
    <message>
        <source>end offset</source>
        <translation>posición final</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>afirmación</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <source>passage</source>
        <translation>pasaje</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>nombre del archivo</translation>
    </message>
    <message>
        <source>file type</source>
        <translation>tipo de archivo</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>the text of version {number} of {article} does not match the fingerprint taken when it was imported: it was edited outside factcheck, or damaged.</source>
        <translation>el texto de la versión {number} de {article} no coincide con la huella tomada al importarlo: se editó fuera de factcheck o se dañó.</translation>
    </message>
    <message>
        <source>the page starts of version {number} of {article} (where each page of its original begins) do not fit its text: they were edited outside factcheck, or damaged.</source>
        <translation>los inicios de página de la versión {number} de {article} (dónde empieza cada página de su original) no encajan con su texto: se editaron fuera de factcheck o están dañados.</translation>
    </message>
    <message>
        <source>{row} is in the table but not in the history: the row was added outside factcheck.</source>
        <translation>{row} está en la tabla pero no en el historial: la fila se añadió fuera de factcheck.</translation>
    </message>
    <message>
        <source>{row} is in the history but not in the table: the row was removed outside factcheck.</source>
        <translation>{row} está en el historial pero no en la tabla: la fila se eliminó fuera de factcheck.</translation>
    </message>
    <message>
        <source>{problems} {problem}</source>
        <translation>{problems} {problem}</translation>
    </message>
    <message>
        <source>{problems} 1 more row differs from the history too.</source>
        <translation>{problems} 1 fila más también difiere del historial.</translation>
    </message>
    <message>
        <source>{problems} {n} more rows differ from the history too.</source>
        <translation>{problems} {n} filas más también difieren del historial.</translation>
    </message>
    <message>
        <source>in the table it is deleted, but its history says it is not</source>
        <translation>en la tabla figura como eliminado, pero su historial dice que no se eliminó</translation>
    </message>
    <message>
        <source>in the table it is not deleted, but its history says it was deleted</source>
        <translation>en la tabla no figura como eliminado, pero su historial dice que se eliminó</translation>
    </message>
    <message>
        <source>in the table it is confidential, but its history says it is not</source>
        <translation>en la tabla es confidencial, pero su historial dice que no lo es</translation>
    </message>
    <message>
        <source>in the table it is not confidential, but its history says it is</source>
        <translation>en la tabla no es confidencial, pero su historial dice que sí lo es</translation>
    </message>
    <message>
        <source>its {field} in the table are damaged (not valid text): its history says {want}</source>
        <translation>en la tabla, el campo «{field}» está dañado (no es texto válido): su historial dice {want}</translation>
    </message>
    <message>
        <source>its {field} in the table is damaged (not valid text): its history says {want}</source>
        <translation>en la tabla, el campo «{field}» está dañado (no es texto válido): su historial dice {want}</translation>
    </message>
    <message>
        <source>its {field} in the table are {have} but its history says {want}</source>
        <translation>en la tabla, el campo «{field}» tiene el valor {have}, pero su historial dice {want}</translation>
    </message>
    <message>
        <source>its {field} in the table is {have} but its history says {want}</source>
        <translation>en la tabla, el campo «{field}» tiene el valor {have}, pero su historial dice {want}</translation>
    </message>
    <message>
        <source>{difference} (they differ in spacing or invisible characters)</source>
        <translation>{difference} (difieren en espacios o caracteres invisibles)</translation>
    </message>
    <message>
        <source>{difference} (its {fields} differs too)</source>
        <translation>{difference} (también difiere: {fields})</translation>
    </message>
    <message>
        <source>{difference} (its {fields} differ too)</source>
        <translation>{difference} (también difieren: {fields})</translation>
    </message>
    <message>
        <source>{row}: {difference}: the row was edited outside factcheck.</source>
        <translation>{row}: {difference}: la fila se editó fuera de factcheck.</translation>
    </message>
    <message>
        <source>version {number}</source>
        <translation>versión {number}</translation>
    </message>
    <message>
        <source>an unknown version ({id})</source>
        <translation>una versión desconocida ({id})</translation>
    </message>
    <message>
        <source>“{status}”</source>
        <translation>«{status}»</translation>
    </message>
    <message>
        <source>attachment {id} ({name})</source>
        <translation>adjunto {id} ({name})</translation>
    </message>
    <message>
        <source>attachment {id}</source>
        <translation>adjunto {id}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>article {id} ({title})</source>
        <translation>artículo {id} ({title})</translation>
    </message>
    <message>
        <source>article {id}</source>
        <translation>artículo {id}</translation>
    </message>
    <message>
        <source>claim {id} ({quote})</source>
        <translation>afirmación {id} ({quote})</translation>
    </message>
    <message>
        <source>claim {id}</source>
        <translation>afirmación {id}</translation>
    </message>
    <message>
        <source>source {id} ({title})</source>
        <translation>fuente {id} ({title})</translation>
    </message>
    <message>
        <source>source {id}</source>
        <translation>fuente {id}</translation>
    </message>
    <message>
        <source>citation {id}</source>
        <translation>cita {id}</translation>
    </message>
    <message>
        <source>citation {id} (of {source} on claim {claim})</source>
        <translation>cita {id} (de {source} en la afirmación {claim})</translation>
    </message>
    <message>
        <source>it {clause}</source>
        <translation>{clause}</translation>
    </message>
    <message>
        <source>{reasons}; {reason}</source>
        <translation>{reasons}; {reason}</translation>
    </message>
    <message>
        <source>Blocked by the checklist: {reasons}.</source>
        <translation>Bloqueada por la lista de comprobación: {reasons}.</translation>
    </message>
    <message>
        <source>On this synced project only an editor on the server may approve or publish, and you are not one there.</source>
        <translation>En este proyecto sincronizado solo un editor en el servidor puede aprobar o publicar, y usted no lo es allí.</translation>
    </message>
    <message>
        <source>This claim was already deleted.</source>
        <translation>Esta afirmación ya se eliminó.</translation>
    </message>
    <message>
        <source>You wrote this verdict, so someone else must retract it (four-eyes rule).</source>
        <translation>Usted redactó este veredicto, así que debe retirarlo otra persona (regla de los cuatro ojos).</translation>
    </message>
    <message>
        <source>This claim was changed elsewhere since you opened it; look at it again before deciding.</source>
        <translation>Esta afirmación se modificó en otro lugar después de que usted la abriera; revísela de nuevo antes de decidir.</translation>
    </message>
    <message>
        <source>A comment is a review comment or a private note.</source>
        <translation>Un comentario es un comentario de revisión o una nota privada.</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>Write something in the comment first.</source>
        <translation>Escriba algo en el comentario primero.</translation>
    </message>
    <message>
        <source>A reply must answer a comment on the same claim.</source>
        <translation>Una respuesta debe contestar a un comentario de la misma afirmación.</translation>
    </message>
    <message>
        <source>That comment no longer exists.</source>
        <translation>Ese comentario ya no existe.</translation>
    </message>
    <message>
        <source>A correction is a correction or a retraction.</source>
        <translation>Una corrección es una corrección o una retractación.</translation>
    </message>
    <message>
        <source>organisation name</source>
        <extracomment>How each setting is named to a person (&quot;Undo Change report language&quot;, refusals).</extracomment>
        <translation>nombre de la organización</translation>
    </message>
    <message>
        <source>organisation url</source>
        <translation>URL de la organización</translation>
    </message>
    <message>
        <source>methodology</source>
        <translation>metodología</translation>
    </message>
    <message>
        <source>rating scale</source>
        <translation>escala de calificación</translation>
    </message>
    <message>
        <source>four eyes</source>
        <translation>regla de los cuatro ojos</translation>
    </message>
    <message>
        <source>credit checkers</source>
        <translation>nombrar a los verificadores</translation>
    </message>
    <message>
        <source>factcheck url pattern</source>
        <translation>patrón de URL de las verificaciones</translation>
    </message>
    <message>
        <source>organisation logo</source>
        <translation>logotipo de la organización</translation>
    </message>
    <message>
        <source>report language</source>
        <translation>idioma de los informes</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tareas</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>demostración</translation>
    </message>
    <message>
        <source>There is no project setting called {name}.</source>
        <translation>No existe ningún ajuste del proyecto llamado {name}.</translation>
    </message>
    <message>
        <source>Four-eyes is either on (true) or off (false).</source>
        <translation>La regla de los cuatro ojos está activada (true) o desactivada (false).</translation>
    </message>
    <message>
        <source>Crediting checkers in reports is either on (true) or off (false).</source>
        <translation>Nombrar a los verificadores en los informes está activado (true) o desactivado (false).</translation>
    </message>
    <message>
        <source>The demo setting is either on (true) or off (false).</source>
        <translation>El ajuste de demostración está activado (true) o desactivado (false).</translation>
    </message>
    <message>
        <source>The {setting} setting is text.</source>
        <translation>El ajuste «{setting}» es un texto.</translation>
    </message>
    <message>
        <source>Reports can be written in: {languages}.</source>
        <translation>Los informes pueden escribirse en: {languages}.</translation>
    </message>
    <message>
        <source>The logo is stored as the SHA-256 of an image in the project.</source>
        <translation>El logotipo se guarda como el SHA-256 de una imagen del proyecto.</translation>
    </message>
    <message>
        <source>organisation&apos;s URL</source>
        <translation>URL de la organización</translation>
    </message>
    <message>
        <source>fact-check URL pattern</source>
        <translation>patrón de URL de las verificaciones</translation>
    </message>
    <message>
        <source>A claim&apos;s number changes as claims are added or chosen for export, so a published URL made with {number} could later point at another verdict; use {claim}, the claim&apos;s id, instead.</source>
        <translation>El número de una afirmación cambia a medida que se añaden afirmaciones o se eligen para exportar, así que una URL publicada hecha con {number} podría acabar apuntando a otro veredicto; use en su lugar {claim}, el id de la afirmación.</translation>
    </message>
    <message>
        <source>The fact-check URL pattern can only use {placeholders} as placeholders.</source>
        <translation>El patrón de URL de las verificaciones solo puede usar {placeholders} como marcadores.</translation>
    </message>
    <message>
        <source>The logo file is empty.</source>
        <translation>El archivo del logotipo está vacío.</translation>
    </message>
    <message>
        <source>The logo is {size} MB; the limit is {limit} MB.</source>
        <translation>El logotipo ocupa {size} MB; el límite es {limit} MB.</translation>
    </message>
    <message>
        <source>The SVG logo contains scripts or embedded content; save it as a plain picture.</source>
        <translation>El logotipo SVG contiene scripts o contenido incrustado; guárdelo como una imagen simple.</translation>
    </message>
    <message>
        <source>The logo must be a PNG, JPEG or SVG image.</source>
        <translation>El logotipo debe ser una imagen PNG, JPEG o SVG.</translation>
    </message>
    <message>
        <source>{name} is a folder, not an image.</source>
        <translation>{name} es una carpeta, no una imagen.</translation>
    </message>
    <message>
        <source>{name} is {size} MB; a logo can be at most {limit} MB.</source>
        <translation>{name} ocupa {size} MB; un logotipo puede ocupar como máximo {limit} MB.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {error}.</source>
        <translation>No se puede leer {name}: {error}.</translation>
    </message>
    <message>
        <source>The verification tasks are a list.</source>
        <translation>Las tareas de verificación son una lista.</translation>
    </message>
    <message>
        <source>Each verification task has a label.</source>
        <translation>Cada tarea de verificación tiene un nombre.</translation>
    </message>
    <message>
        <source>task</source>
        <translation>tarea</translation>
    </message>
    <message>
        <source>The task “{label}” is listed twice.</source>
        <translation>La tarea «{label}» aparece dos veces.</translation>
    </message>
    <message>
        <source>The task “{label}” has the id of another task.</source>
        <translation>La tarea «{label}» tiene el id de otra tarea.</translation>
    </message>
    <message>
        <source>That logo is not stored in this project; choose the image file again.</source>
        <translation>Ese logotipo no está guardado en este proyecto; vuelva a elegir el archivo de imagen.</translation>
    </message>
    <message>
        <source>logo&apos;s file name</source>
        <translation>nombre del archivo del logotipo</translation>
    </message>
    <message>
        <source>source&apos;s title</source>
        <extracomment>How a refusal names each text field of a source, and of a citation.</extracomment>
        <translation>título de la fuente</translation>
    </message>
    <message>
        <source>source&apos;s publisher</source>
        <translation>editor de la fuente</translation>
    </message>
    <message>
        <source>source&apos;s author</source>
        <translation>autor de la fuente</translation>
    </message>
    <message>
        <source>source&apos;s published at</source>
        <translation>fecha de publicación de la fuente</translation>
    </message>
    <message>
        <source>source&apos;s accessed at</source>
        <translation>fecha de consulta de la fuente</translation>
    </message>
    <message>
        <source>citation&apos;s stance</source>
        <translation>postura de la cita</translation>
    </message>
    <message>
        <source>citation&apos;s quote</source>
        <translation>pasaje de la cita</translation>
    </message>
    <message>
        <source>citation&apos;s locator</source>
        <translation>localizador de la cita</translation>
    </message>
    <message>
        <source>citation&apos;s note</source>
        <translation>nota de la cita</translation>
    </message>
    <message>
        <source>Sources have no field {name}.</source>
        <translation>Las fuentes no tienen el campo {name}.</translation>
    </message>
    <message>
        <source>{value} is not a kind of source; use one of: {kinds}.</source>
        <translation>{value} no es un tipo de fuente; use uno de estos: {kinds}.</translation>
    </message>
    <message>
        <source>Reliability is one of: {values}.</source>
        <translation>La fiabilidad es uno de estos valores: {values}.</translation>
    </message>
    <message>
        <source>source&apos;s URL</source>
        <translation>URL de la fuente</translation>
    </message>
    <message>
        <source>source&apos;s notes</source>
        <translation>notas de la fuente</translation>
    </message>
    <message>
        <source>Citations have no field {name}.</source>
        <translation>Las citas no tienen el campo {name}.</translation>
    </message>
    <message>
        <source>A source&apos;s stance is one of: {stances}.</source>
        <translation>La postura de una fuente es una de estas: {stances}.</translation>
    </message>
    <message>
        <source>A source needs a title or a URL.</source>
        <translation>Una fuente necesita un título o una URL.</translation>
    </message>
    <message>
        <source>There is no source with id {id} in this project.</source>
        <translation>No hay ninguna fuente con el id {id} en este proyecto.</translation>
    </message>
    <message>
        <source>That source was deleted; restore it before citing it.</source>
        <translation>Esa fuente se eliminó; restáurela antes de citarla.</translation>
    </message>
    <message>
        <source>There is no citation with id {id} in this project.</source>
        <translation>No hay ninguna cita con el id {id} en este proyecto.</translation>
    </message>
    <message>
        <source>{name} was moved or deleted while it was open; nothing more can be saved to it. Close it and open the file where it is now.</source>
        <translation>{name} se movió o se eliminó mientras estaba abierto; ya no se puede guardar nada en él. Ciérrelo y abra el archivo donde esté ahora.</translation>
    </message>
    <message>
        <source>The journal of {name} ({name}-wal) was deleted while the project was open, so changes cannot be saved safely; close the project wherever it is open and open it again.</source>
        <translation>El diario de {name} ({name}-wal) se eliminó mientras el proyecto estaba abierto, así que los cambios no se pueden guardar de forma segura; cierre el proyecto dondequiera que esté abierto y vuelva a abrirlo.</translation>
    </message>
    <message>
        <source>{name} is damaged: some of its text is not readable (not UTF-8).</source>
        <translation>{name} está dañado: parte de su texto no se puede leer (no es UTF-8).</translation>
    </message>
    <message>
        <source>{name} is locked by another program; close it there or try again in a moment.</source>
        <translation>{name} está bloqueado por otro programa; ciérrelo allí o vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>{name} could not be read or written: the network drive ({drive}) did not answer or reported an error. Check the connection and try again.</source>
        <translation>No se pudo leer ni escribir {name}: la unidad de red ({drive}) no respondió o informó de un error. Compruebe la conexión y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{name} is read-only; changes cannot be saved to it.</source>
        <translation>{name} es de solo lectura; no se pueden guardar cambios en él.</translation>
    </message>
    <message>
        <source>{name} is damaged: part of the file is not what factcheck wrote.</source>
        <translation>{name} está dañado: parte del archivo no es lo que escribió factcheck.</translation>
    </message>
    <message>
        <source>{name} could not be saved: the disk is full. Free some space and try again.</source>
        <translation>No se pudo guardar {name}: el disco está lleno. Libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>{name} cannot be opened: check that the folder exists and is accessible.</source>
        <translation>No se puede abrir {name}: compruebe que la carpeta existe y es accesible.</translation>
    </message>
    <message>
        <source>{name} could not be read or written: the disk reported an error.</source>
        <translation>No se pudo leer ni escribir {name}: el disco informó de un error.</translation>
    </message>
    <message>
        <source>{name} could not be read: the computer ran out of memory.</source>
        <translation>No se pudo leer {name}: el equipo se quedó sin memoria.</translation>
    </message>
    <message>
        <source>{name} is open read-only; changes cannot be saved.</source>
        <translation>{name} está abierto en modo de solo lectura; no se pueden guardar cambios.</translation>
    </message>
    <message>
        <source>The change to {name} could not be saved: it was interrupted, and nothing of it was written. Try again.</source>
        <translation>No se pudo guardar el cambio en {name}: se interrumpió y no se escribió nada de él. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>That verification task is no longer in the project&apos;s list.</source>
        <translation>Esa tarea de verificación ya no está en la lista del proyecto.</translation>
    </message>
    <message>
        <source>This claim was deleted; restore it first.</source>
        <translation>Esta afirmación se eliminó; restáurela primero.</translation>
    </message>
    <message>
        <source>check-worthiness</source>
        <translation>interés para verificar</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>calificación</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>publisher</source>
        <translation>editor</translation>
    </message>
    <message>
        <source>author</source>
        <translation>autor</translation>
    </message>
    <message>
        <source>outlet</source>
        <translation>medio</translation>
    </message>
    <message>
        <source>accessed date</source>
        <translation>fecha de consulta</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>reliability</source>
        <translation>fiabilidad</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>confidencial</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>postura</translation>
    </message>
    <message>
        <source>locator</source>
        <translation>localizador</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>Created the project</source>
        <translation>Creó el proyecto</translation>
    </message>
    <message>
        <source>Imported the article</source>
        <translation>Importó el artículo</translation>
    </message>
    <message>
        <source>Edited the article</source>
        <translation>Editó el artículo</translation>
    </message>
    <message>
        <source>Deleted the article</source>
        <translation>Eliminó el artículo</translation>
    </message>
    <message>
        <source>Restored the article</source>
        <translation>Restauró el artículo</translation>
    </message>
    <message>
        <source>Imported a new version of the article</source>
        <translation>Importó una nueva versión del artículo</translation>
    </message>
    <message>
        <source>Created the claim</source>
        <translation>Creó la afirmación</translation>
    </message>
    <message>
        <source>Edited the claim</source>
        <translation>Editó la afirmación</translation>
    </message>
    <message>
        <source>Deleted the claim</source>
        <translation>Eliminó la afirmación</translation>
    </message>
    <message>
        <source>Restored the claim</source>
        <translation>Restauró la afirmación</translation>
    </message>
    <message>
        <source>Re-anchored the claim</source>
        <translation>Reancló la afirmación</translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation>Envió a revisión</translation>
    </message>
    <message>
        <source>Requested changes</source>
        <translation>Pidió cambios</translation>
    </message>
    <message>
        <source>Cited a source</source>
        <translation>Citó una fuente</translation>
    </message>
    <message>
        <source>Edited a citation</source>
        <translation>Editó una cita</translation>
    </message>
    <message>
        <source>Removed a citation</source>
        <translation>Quitó una cita</translation>
    </message>
    <message>
        <source>Restored a citation</source>
        <translation>Restauró una cita</translation>
    </message>
    <message>
        <source>Commented</source>
        <translation>Comentó</translation>
    </message>
    <message>
        <source>Resolved a comment</source>
        <translation>Resolvió un comentario</translation>
    </message>
    <message>
        <source>Reopened a comment</source>
        <translation>Reabrió un comentario</translation>
    </message>
    <message>
        <source>Added a source</source>
        <translation>Añadió una fuente</translation>
    </message>
    <message>
        <source>Edited a source</source>
        <translation>Editó una fuente</translation>
    </message>
    <message>
        <source>Deleted a source</source>
        <translation>Eliminó una fuente</translation>
    </message>
    <message>
        <source>Restored a source</source>
        <translation>Restauró una fuente</translation>
    </message>
    <message>
        <source>Changed a setting</source>
        <translation>Cambió un ajuste</translation>
    </message>
    <message>
        <source>Ticked a verification task</source>
        <translation>Marcó una tarea de verificación</translation>
    </message>
    <message>
        <source>Merged another copy of the project</source>
        <translation>Fusionó otra copia del proyecto</translation>
    </message>
    <message>
        <source>Attached a file</source>
        <translation>Adjuntó un archivo</translation>
    </message>
    <message>
        <source>Removed an attached file</source>
        <translation>Quitó un archivo adjunto</translation>
    </message>
    <message>
        <source>Restored an attached file</source>
        <translation>Restauró un archivo adjunto</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>{field}: {before} → {after}</source>
        <translation>{field}: {before} → {after}</translation>
    </message>
    <message>
        <source>{field}: changed in both copies; set to {value}</source>
        <translation>{field}: se cambió en las dos copias; quedó en {value}</translation>
    </message>
    <message>
        <source>{field}: changed in both copies; took {value} from {other}</source>
        <translation>{field}: se cambió en las dos copias; se tomó {value} de {other}</translation>
    </message>
    <message>
        <source>{field}: changed in both copies; took the other copy&apos;s</source>
        <translation>{field}: se cambió en las dos copias; se tomó el de la otra copia</translation>
    </message>
    <message>
        <source>{field}: changed in both copies; kept {value}</source>
        <translation>{field}: se cambió en las dos copias; se conservó {value}</translation>
    </message>
    <message>
        <source>{field}: changed in both copies; kept the value of the copy merged into</source>
        <translation>{field}: se cambió en las dos copias; se conservó el valor de la copia en la que se fusionó</translation>
    </message>
    <message>
        <source>The approval lapsed: back to review (its comment says why)</source>
        <translation>La aprobación quedó sin efecto: vuelve a revisión (su comentario explica por qué)</translation>
    </message>
    <message>
        <source>Damaged event {seq}: {problem}</source>
        <translation>Evento dañado {seq}: {problem}</translation>
    </message>
    <message>
        <source>Requested changes: {comment}</source>
        <translation>Pidió cambios: {comment}</translation>
    </message>
    <message>
        <source>Ticked the task “{task}”</source>
        <translation>Marcó la tarea «{task}»</translation>
    </message>
    <message>
        <source>Unticked the task “{task}”</source>
        <translation>Desmarcó la tarea «{task}»</translation>
    </message>
    <message>
        <source>Used an earlier verdict, {based_on}</source>
        <translation>Usó un veredicto anterior, {based_on}</translation>
    </message>
    <message>
        <source>Edited the claim (reason: {reason}); public correction recorded</source>
        <translation>Editó la afirmación (motivo: {reason}); se registró una corrección pública</translation>
    </message>
    <message>
        <source>Edited the claim (reason: {reason})</source>
        <translation>Editó la afirmación (motivo: {reason})</translation>
    </message>
    <message>
        <source>Attached “{name}” (SHA-256 {sha})</source>
        <translation>Adjuntó «{name}» (SHA-256 {sha})</translation>
    </message>
    <message>
        <source>Removed the attached file “{name}”</source>
        <translation>Quitó el archivo adjunto «{name}»</translation>
    </message>
    <message>
        <source>Restored the attached file “{name}”</source>
        <translation>Restauró el archivo adjunto «{name}»</translation>
    </message>
    <message>
        <source>Cited a source: {source}</source>
        <translation>Citó una fuente: {source}</translation>
    </message>
    <message>
        <source>Private note: {body}</source>
        <translation>Nota privada: {body}</translation>
    </message>
    <message>
        <source>Replied: {body}</source>
        <translation>Respondió: {body}</translation>
    </message>
    <message>
        <source>Commented: {body}</source>
        <translation>Comentó: {body}</translation>
    </message>
    <message>
        <source>Merged {name}: {n} changes came in, {c} conflicts settled, {l} approvals lapsed</source>
        <translation>Fusionó {name}: llegaron {n} cambios, se resolvieron {c} conflictos y caducaron {l} aprobaciones</translation>
    </message>
    <message>
        <source>Created the claim: “{quote}”</source>
        <translation>Creó la afirmación: «{quote}»</translation>
    </message>
    <message>
        <source>Re-anchored the claim to “{quote}”</source>
        <translation>Reancló la afirmación en «{quote}»</translation>
    </message>
    <message>
        <source>Re-anchored the claim to “{quote}”; sent back to review ({reason}); public correction recorded</source>
        <translation>Reancló la afirmación en «{quote}»; volvió a revisión ({reason}); se registró una corrección pública</translation>
    </message>
    <message>
        <source>Re-anchored the claim to “{quote}”; sent back to review ({reason})</source>
        <translation>Reancló la afirmación en «{quote}»; volvió a revisión ({reason})</translation>
    </message>
    <message>
        <source>based on the check of {date} ({where})</source>
        <translation>basado en la verificación del {date} ({where})</translation>
    </message>
    <message>
        <source>based on the check of {date}</source>
        <translation>basado en la verificación del {date}</translation>
    </message>
    <message>
        <source>based on an earlier check ({where})</source>
        <translation>basado en una verificación anterior ({where})</translation>
    </message>
    <message>
        <source>based on an earlier check</source>
        <translation>basado en una verificación anterior</translation>
    </message>
    <message>
        <source>Retracted the approved verdict (reason: {reason}); public retraction recorded</source>
        <translation>Retiró el veredicto aprobado (motivo: {reason}); se registró una retractación pública</translation>
    </message>
    <message>
        <source>Retracted the published verdict (reason: {reason}); public retraction recorded</source>
        <translation>Retiró el veredicto publicado (motivo: {reason}); se registró una retractación pública</translation>
    </message>
    <message>
        <source>Retracted the {status} verdict (reason: {reason}); public retraction recorded</source>
        <translation>Retiró el veredicto en estado «{status}» (motivo: {reason}); se registró una retractación pública</translation>
    </message>
    <message>
        <source>Retracted the signed-off verdict (reason: {reason}); public retraction recorded</source>
        <translation>Retiró el veredicto validado (motivo: {reason}); se registró una retractación pública</translation>
    </message>
    <message>
        <source>submit for review</source>
        <translation>enviar a revisión</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>aprobar</translation>
    </message>
    <message>
        <source>request changes</source>
        <translation>pedir cambios</translation>
    </message>
    <message>
        <source>publish</source>
        <translation>publicar</translation>
    </message>
    <message>
        <source>a draft</source>
        <extracomment>A claim&apos;s status as said after &quot;is&quot; (&quot;a claim that is {status}&quot;).</extracomment>
        <translation>en borrador</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <source>waiting for changes</source>
        <translation>a la espera de cambios</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publicada</translation>
    </message>
    <message>
        <source>Cannot submit for review a claim that is {status}; it must be a draft or waiting for changes.</source>
        <extracomment>Why an action cannot start from the claim&apos;s status, by action (the status it is in goes in).</extracomment>
        <translation>No se puede enviar a revisión una afirmación que está {status}; debe estar en borrador o a la espera de cambios.</translation>
    </message>
    <message>
        <source>Cannot approve a claim that is {status}; it must be in review.</source>
        <translation>No se puede aprobar una afirmación que está {status}; debe estar en revisión.</translation>
    </message>
    <message>
        <source>Cannot request changes a claim that is {status}; it must be in review.</source>
        <translation>No se pueden pedir cambios para una afirmación que está {status}; debe estar en revisión.</translation>
    </message>
    <message>
        <source>Cannot publish a claim that is {status}; it must be approved.</source>
        <translation>No se puede publicar una afirmación que está {status}; debe estar aprobada.</translation>
    </message>
    <message>
        <source>a rating</source>
        <translation>una calificación</translation>
    </message>
    <message>
        <source>a verdict summary</source>
        <translation>un resumen del veredicto</translation>
    </message>
    <message>
        <source>a verdict summary of one sentence</source>
        <translation>un resumen del veredicto de una sola oración</translation>
    </message>
    <message>
        <source>at least one cited source</source>
        <translation>al menos una fuente citada</translation>
    </message>
    <message>
        <source>the task “{label}” done</source>
        <translation>completar la tarea «{label}»</translation>
    </message>
    <message>
        <source>There is no review action called {action}.</source>
        <translation>No existe ninguna acción de revisión llamada {action}.</translation>
    </message>
    <message>
        <source>Cannot submit for review yet: the claim needs {missing}.</source>
        <translation>Todavía no se puede enviar a revisión: la afirmación necesita {missing}.</translation>
    </message>
    <message>
        <source>Say what needs changing: requesting changes needs a comment.</source>
        <translation>Indique qué hay que cambiar: para pedir cambios hace falta un comentario.</translation>
    </message>
    <message>
        <source>You wrote this verdict, so someone else must approve it (four-eyes rule).</source>
        <translation>Usted redactó este veredicto, así que debe aprobarlo otra persona (regla de los cuatro ojos).</translation>
    </message>
    <message>
        <source>{items}, {item}</source>
        <translation>{items}, {item}</translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <translation>{items} y {last}</translation>
    </message>
    <message>
        <source>HTML report</source>
        <extracomment>Formats in the order a menu lists them, with a name for people (``Text``: show it with ``language.ui``).</extracomment>
        <translation>Informe HTML</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Informe PDF</translation>
    </message>
    <message>
        <source>ClaimReview JSON-LD (schema.org)</source>
        <translation>ClaimReview JSON-LD (schema.org)</translation>
    </message>
    <message>
        <source>W3C Web Annotation JSON-LD</source>
        <translation>W3C Web Annotation JSON-LD</translation>
    </message>
    <message>
        <source>CSV spreadsheet</source>
        <translation>Hoja de cálculo CSV</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>There is no export format called {name}; choose one of: {formats}.</source>
        <translation>No hay ningún formato de exportación llamado {name}; elija uno de estos: {formats}.</translation>
    </message>
    <message>
        <source>Cannot write {name}: it is a folder; choose a file name.</source>
        <translation>No se puede escribir {name}: es una carpeta; elija un nombre de archivo.</translation>
    </message>
    <message>
        <source>Cannot write {name}: it is the project file itself; choose another name.</source>
        <translation>No se puede escribir {name}: es el propio archivo del proyecto; elija otro nombre.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the folder {folder} is not writable.</source>
        <translation>No se puede escribir {name}: no se puede escribir en la carpeta {folder}.</translation>
    </message>
    <message>
        <source>Nothing to export: {name} would be empty.</source>
        <translation>No hay nada que exportar: {name} quedaría vacío.</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}.</source>
        <translation>No se puede escribir {name}: {reason}.</translation>
    </message>
    <message>
        <source>of any chosen status</source>
        <translation>elegido</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} o {last}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>Nothing to export: no articles were chosen.</source>
        <translation>No hay nada que exportar: no se eligió ningún artículo.</translation>
    </message>
    <message>
        <source>Nothing to export: the project has no articles.</source>
        <translation>No hay nada que exportar: el proyecto no tiene artículos.</translation>
    </message>
    <message>
        <source>in this project</source>
        <translation>de este proyecto</translation>
    </message>
    <message>
        <source>in the chosen article</source>
        <translation>del artículo elegido</translation>
    </message>
    <message>
        <source>in the {n} chosen articles</source>
        <translation>de los {n} artículos elegidos</translation>
    </message>
    <message>
        <source>Nothing to export: no claims {where} have the status {statuses}.</source>
        <translation>No hay nada que exportar: ninguna afirmación {where} tiene el estado {statuses}.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Se canceló la exportación; no se escribió nada.</translation>
    </message>
    <message>
        <source>Confidential source</source>
        <extracomment>The stand-in for a confidential source&apos;s details (also the title Web Annotation files give it).</extracomment>
        <translation>Fuente confidencial</translation>
    </message>
    <message>
        <source>Supports</source>
        <extracomment>A citation&apos;s stance, as a report names it.</extracomment>
        <translation>Respalda</translation>
    </message>
    <message>
        <source>Contradicts</source>
        <translation>Contradice</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>draft</source>
        <extracomment>Review statuses inside a sentence: &quot;Not yet approved by a reviewer (in review).&quot;</extracomment>
        <translation>borrador</translation>
    </message>
    <message>
        <source>changes requested</source>
        <translation>cambios pedidos</translation>
    </message>
    <message>
        <source>Untitled source</source>
        <translation>Fuente sin título</translation>
    </message>
    <message>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <source>{month} {day}, {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <source>no rating</source>
        <translation>sin calificación</translation>
    </message>
    <message>
        <source>Unnamed organisation</source>
        <translation>Organización sin nombre</translation>
    </message>
    <message>
        <source>The ClaimReviews name no author (search engines show who checked the claim): set the organisation&apos;s name in File &gt; Project settings.</source>
        <translation>Los ClaimReview no nombran autor (los buscadores muestran quién verificó la afirmación): indique el nombre de la organización en Archivo &gt; Ajustes del proyecto.</translation>
    </message>
    <message>
        <source>Claim {number} of “{title}”</source>
        <translation>Afirmación {number} de “{title}”</translation>
    </message>
    <message>
        <source>Claim {number}</source>
        <translation>Afirmación {number}</translation>
    </message>
    <message>
        <source>{claim}: the claim reviewed is {length} characters long; search engines show at most {limit}, so shorten its statement.</source>
        <translation>{claim}: la afirmación revisada tiene {length} caracteres; los buscadores muestran como máximo {limit}, así que acorte su enunciado.</translation>
    </message>
    <message>
        <source>{claim}: the claim reviewed contains the rating word “{word}”, which readers may take for the verdict; reword its statement.</source>
        <translation>{claim}: la afirmación revisada contiene la palabra de calificación “{word}”, que los lectores podrían tomar por el veredicto; reformule su enunciado.</translation>
    </message>
    <message>
        <source>{claim} has no rating: its ClaimReview has no reviewRating.</source>
        <translation>{claim} no tiene calificación: su ClaimReview no tiene reviewRating.</translation>
    </message>
    <message>
        <source>The ClaimReviews of “{title}” have no url (search engines require the page where the fact-check is published): set the fact-check URL in Article &gt; Properties, or a fact-check URL pattern in File &gt; Project settings.</source>
        <translation>Los ClaimReview de “{title}” no tienen url (los buscadores exigen la página donde se publica la verificación): indique la URL de la verificación en Artículo &gt; Propiedades, o un patrón de URL de las verificaciones en Archivo &gt; Ajustes del proyecto.</translation>
    </message>
    <message>
        <source>The ClaimReviews of {n} articles have no url (search engines require the page where the fact-check is published): set the fact-check URL in Article &gt; Properties, or a fact-check URL pattern in File &gt; Project settings.</source>
        <translation>Los ClaimReview de {n} artículos no tienen url (los buscadores exigen la página donde se publica la verificación): indique la URL de la verificación en Artículo &gt; Propiedades, o un patrón de URL de las verificaciones en Archivo &gt; Ajustes del proyecto.</translation>
    </message>
    <message>
        <source>Internal report: it names confidential sources. Do not publish or share it outside the newsroom.</source>
        <translation>Informe interno: nombra fuentes confidenciales. No lo publique ni lo comparta fuera de la redacción.</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Calificaciones</translation>
    </message>
    <message>
        <source>By {author}</source>
        <translation>Por {author}</translation>
    </message>
    <message>
        <source>Published {date}</source>
        <translation>Publicado el {date}</translation>
    </message>
    <message>
        <source>Version {number}, text SHA-256 {sha}</source>
        <translation>Versión {number}, SHA-256 del texto {sha}</translation>
    </message>
    <message>
        <source>The article</source>
        <translation>El artículo</translation>
    </message>
    <message>
        <source>Claims checked</source>
        <translation>Afirmaciones verificadas</translation>
    </message>
    <message>
        <source>↑ in the text</source>
        <translation>↑ en el texto</translation>
    </message>
    <message>
        <source>Claimed by {claimant}</source>
        <translation>Afirmado por {claimant}</translation>
    </message>
    <message>
        <source>p. {page}</source>
        <translation>pág. {page}</translation>
    </message>
    <message>
        <source>pp. {page}</source>
        <translation>págs. {page}</translation>
    </message>
    <message>
        <source>The article’s wording here changed after this claim was checked.</source>
        <translation>La redacción del artículo en este punto cambió después de verificar esta afirmación.</translation>
    </message>
    <message>
        <source>These words are no longer in the current version of the article.</source>
        <translation>Estas palabras ya no están en la versión actual del artículo.</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Topics: {tags}</source>
        <translation>Temas: {tags}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>(confidential)</source>
        <translation>(confidencial)</translation>
    </message>
    <message>
        <source>Evidence kept</source>
        <translation>Evidencias conservadas</translation>
    </message>
    <message>
        <source>Evidence: {name}, SHA-256 {sha}</source>
        <translation>Evidencia: {name}, SHA-256 {sha}</translation>
    </message>
    <message>
        <source>Checked by {checker}.</source>
        <translation>Verificada por {checker}.</translation>
    </message>
    <message>
        <source>Reviewed by {reviewer}.</source>
        <translation>Revisada por {reviewer}.</translation>
    </message>
    <message>
        <source>Reviewed by {reviewer}, approved {approved}.</source>
        <translation>Revisada por {reviewer}, aprobada el {approved}.</translation>
    </message>
    <message>
        <source>Reviewed by {reviewer}, published {published}.</source>
        <translation>Revisada por {reviewer}, publicada el {published}.</translation>
    </message>
    <message>
        <source>Reviewed by {reviewer}, approved {approved}, published {published}.</source>
        <translation>Revisada por {reviewer}, aprobada el {approved}, publicada el {published}.</translation>
    </message>
    <message>
        <source>Not yet approved by a reviewer ({status}).</source>
        <translation>Aún no aprobada por un revisor ({status}).</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Correcciones</translation>
    </message>
    <message>
        <source>{date}, verdict retracted</source>
        <translation>{date}, veredicto retirado</translation>
    </message>
    <message>
        <source>{retracted} on the claim {quote}</source>
        <translation>{retracted} sobre la afirmación {quote}</translation>
    </message>
    <message>
        <source>Withdrawn verdict</source>
        <translation>Veredicto retirado</translation>
    </message>
    <message>
        <source>{date}, {claim}</source>
        <translation>{date}, {claim}</translation>
    </message>
    <message>
        <source>claim {number}</source>
        <translation>afirmación {number}</translation>
    </message>
    <message>
        <source>the claim {quote}</source>
        <translation>la afirmación {quote}</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>No corrections have been made to these verdicts.</source>
        <translation>No se ha hecho ninguna corrección a estos veredictos.</translation>
    </message>
    <message>
        <source>How we check</source>
        <translation>Cómo verificamos</translation>
    </message>
    <message>
        <source>Claims {numbers}</source>
        <translation>Afirmaciones {numbers}</translation>
    </message>
    <message>
        <source>Fact-check: {title}</source>
        <translation>Verificación: {title}</translation>
    </message>
    <message>
        <source>Fact-check report: {n} articles</source>
        <translation>Informe de verificación: {n} artículos</translation>
    </message>
    <message>
        <source>{name} logo</source>
        <translation>Logotipo de {name}</translation>
    </message>
    <message>
        <source>Organisation logo</source>
        <translation>Logotipo de la organización</translation>
    </message>
    <message>
        <source>1 claim checked</source>
        <translation>1 afirmación verificada</translation>
    </message>
    <message>
        <source>{n} claims checked</source>
        <translation>{n} afirmaciones verificadas</translation>
    </message>
    <message>
        <source>Rating scale: {name}</source>
        <translation>Escala de calificación: {name}</translation>
    </message>
    <message>
        <source>Report made {date}</source>
        <translation>Informe elaborado el {date}</translation>
    </message>
    <message>
        <source>Made with {generator} on {date} {time} UTC.</source>
        <translation>Hecho con {generator} el {date} a las {time} UTC.</translation>
    </message>
    <message>
        <source>Claim {number}: {rating}.</source>
        <translation>Afirmación {number}: {rating}.</translation>
    </message>
    <message>
        <source>Statement: {statement}</source>
        <translation>Enunciado: {statement}</translation>
    </message>
    <message>
        <source>Claimed by: {claimant}</source>
        <translation>Afirmado por: {claimant}</translation>
    </message>
    <message>
        <source>Fact-check: {n} articles</source>
        <translation>Verificación: {n} artículos</translation>
    </message>
    <message>
        <source>rating scale: {name}</source>
        <translation>escala de calificación: {name}</translation>
    </message>
    <message>
        <source>report made {date}</source>
        <translation>informe elaborado el {date}</translation>
    </message>
    <message>
        <source>version {number}, text SHA-256 {sha}</source>
        <translation>versión {number}, SHA-256 del texto {sha}</translation>
    </message>
    <message>
        <source>Claims whose words are no longer in this version: {claims}</source>
        <translation>Afirmaciones cuyas palabras ya no están en esta versión: {claims}</translation>
    </message>
    <message>
        <source>The pasted text is too large to import ({size} MB): factcheck imports articles of up to {limit} MB.</source>
        <translation>El texto pegado es demasiado grande para importarlo ({size} MB): factcheck importa artículos de hasta {limit} MB.</translation>
    </message>
    <message>
        <source>The file is too large to import ({size} MB): factcheck imports articles of up to {limit} MB.</source>
        <translation>El archivo es demasiado grande para importarlo ({size} MB): factcheck importa artículos de hasta {limit} MB.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation>“{name}” es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file.</source>
        <translation>“{name}” no es un archivo normal.</translation>
    </message>
    <message>
        <source>The file “{name}” does not exist (any more).</source>
        <translation>El archivo “{name}” no existe (o ya no existe).</translation>
    </message>
    <message>
        <source>factcheck is not allowed to read the file “{name}”.</source>
        <translation>factcheck no tiene permiso para leer el archivo “{name}”.</translation>
    </message>
    <message>
        <source>The file “{name}” cannot be read ({reason}).</source>
        <translation>No se puede leer el archivo “{name}” ({reason}).</translation>
    </message>
    <message>
        <source>Only text can be pasted as an article.</source>
        <translation>Solo se puede pegar texto como artículo.</translation>
    </message>
    <message>
        <source>The pasted text is empty.</source>
        <translation>El texto pegado está vacío.</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <extracomment>(magic bytes at offset 0, description). Checked in order; the first match wins.</extracomment>
        <translation>una imagen PNG</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>una imagen JPEG</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>una imagen GIF</translation>
    </message>
    <message>
        <source>a TIFF image</source>
        <translation>una imagen TIFF</translation>
    </message>
    <message>
        <source>an icon file</source>
        <translation>un archivo de icono</translation>
    </message>
    <message>
        <source>a database file (perhaps a factcheck project)</source>
        <translation>un archivo de base de datos (quizá un proyecto de factcheck)</translation>
    </message>
    <message>
        <source>a compressed (gzip) file</source>
        <translation>un archivo comprimido (gzip)</translation>
    </message>
    <message>
        <source>a compressed (xz) file</source>
        <translation>un archivo comprimido (xz)</translation>
    </message>
    <message>
        <source>a compressed (zstd) file</source>
        <translation>un archivo comprimido (zstd)</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>un archivo 7-Zip</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>un archivo RAR</translation>
    </message>
    <message>
        <source>an old Microsoft Office file (.doc, .xls or .ppt)</source>
        <translation>un archivo antiguo de Microsoft Office (.doc, .xls o .ppt)</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>un programa</translation>
    </message>
    <message>
        <source>an audio or video file</source>
        <translation>un archivo de audio o video</translation>
    </message>
    <message>
        <source>an audio file</source>
        <translation>un archivo de audio</translation>
    </message>
    <message>
        <source>a video file</source>
        <translation>un archivo de video</translation>
    </message>
    <message>
        <source>a font file</source>
        <translation>un archivo de tipografía</translation>
    </message>
    <message>
        <source>a PostScript file</source>
        <translation>un archivo PostScript</translation>
    </message>
    <message>
        <source>a compressed (bzip2) file</source>
        <translation>un archivo comprimido (bzip2)</translation>
    </message>
    <message>
        <source>a WebP image</source>
        <translation>una imagen WebP</translation>
    </message>
    <message>
        <source>a media file</source>
        <translation>un archivo multimedia</translation>
    </message>
    <message>
        <source>an image file</source>
        <translation>un archivo de imagen</translation>
    </message>
    <message>
        <source>This file is named like a PDF but is not one: it is damaged, or another kind of file renamed.</source>
        <extracomment>What to say for each document format ``sniff_document`` reports.</extracomment>
        <translation>Este archivo tiene nombre de PDF pero no lo es: está dañado o es otro tipo de archivo con el nombre cambiado.</translation>
    </message>
    <message>
        <source>This file is named like a Word document (.docx) but is not one: it is damaged, or another kind of file renamed.</source>
        <translation>Este archivo tiene nombre de documento de Word (.docx) pero no lo es: está dañado o es otro tipo de archivo con el nombre cambiado.</translation>
    </message>
    <message>
        <source>This file is named like an OpenDocument text file (.odt) but is not one: it is damaged, or another kind of file renamed.</source>
        <translation>Este archivo tiene nombre de archivo de texto OpenDocument (.odt) pero no lo es: está dañado o es otro tipo de archivo con el nombre cambiado.</translation>
    </message>
    <message>
        <source>This file is named like an e-book (.epub) but is not one: it is damaged, or another kind of file renamed.</source>
        <translation>Este archivo tiene nombre de libro electrónico (.epub) pero no lo es: está dañado o es otro tipo de archivo con el nombre cambiado.</translation>
    </message>
    <message>
        <source>Old Word documents (.doc) cannot be imported: open the document in Word or LibreOffice, save it as .docx and import that.</source>
        <translation>Los documentos de Word antiguos (.doc) no se pueden importar: abra el documento en Word o LibreOffice, guárdelo como .docx e importe ese archivo.</translation>
    </message>
    <message>
        <source>RTF documents cannot be imported yet: save the document as plain text (.txt) or copy and paste the article text instead.</source>
        <translation>Los documentos RTF todavía no se pueden importar: guarde el documento como texto sin formato (.txt) o copie y pegue el texto del artículo.</translation>
    </message>
    <message>
        <source>This is an Excel spreadsheet, not a text article.</source>
        <translation>Esto es una hoja de cálculo de Excel, no un artículo de texto.</translation>
    </message>
    <message>
        <source>This is a PowerPoint presentation, not a text article.</source>
        <translation>Esto es una presentación de PowerPoint, no un artículo de texto.</translation>
    </message>
    <message>
        <source>This is a ZIP archive, not a text article: unpack it and import the article file inside.</source>
        <translation>Esto es un archivo ZIP, no un artículo de texto: descomprímalo e importe el archivo del artículo que contiene.</translation>
    </message>
    <message>
        <source>The file “{name}” looks like {what}, not a text article.</source>
        <translation>El archivo “{name}” parece {what}, no un artículo de texto.</translation>
    </message>
    <message>
        <source>This file looks like {what}, not a text article.</source>
        <translation>Este archivo parece {what}, no un artículo de texto.</translation>
    </message>
    <message>
        <source>The file “{name}” looks like a binary file, not a text article.</source>
        <translation>El archivo “{name}” parece un archivo binario, no un artículo de texto.</translation>
    </message>
    <message>
        <source>This file looks like a binary file, not a text article.</source>
        <translation>Este archivo parece un archivo binario, no un artículo de texto.</translation>
    </message>
    <message>
        <source>The file “{name}” says it is {encoding} text but is damaged or not text.</source>
        <translation>El archivo “{name}” indica que es texto {encoding}, pero está dañado o no es texto.</translation>
    </message>
    <message>
        <source>This file says it is {encoding} text but is damaged or not text.</source>
        <translation>Este archivo indica que es texto {encoding}, pero está dañado o no es texto.</translation>
    </message>
    <message>
        <source>The file “{name}” is not readable text: it is neither UTF-8 nor a known Western, Central European or Cyrillic encoding.</source>
        <translation>El archivo “{name}” no es texto legible: no está en UTF-8 ni en ninguna codificación conocida occidental, centroeuropea o cirílica.</translation>
    </message>
    <message>
        <source>This file is not readable text: it is neither UTF-8 nor a known Western, Central European or Cyrillic encoding.</source>
        <translation>Este archivo no es texto legible: no está en UTF-8 ni en ninguna codificación conocida occidental, centroeuropea o cirílica.</translation>
    </message>
    <message>
        <source>The web page has no article text that factcheck can find.</source>
        <translation>La página web no tiene ningún texto de artículo que factcheck pueda encontrar.</translation>
    </message>
    <message>
        <source>The web page is too deeply nested or too large to read.</source>
        <translation>La página web tiene demasiados niveles anidados o es demasiado grande para leerla.</translation>
    </message>
    <message>
        <source>The web page could not be read: its HTML is too damaged.</source>
        <translation>No se pudo leer la página web: su HTML está demasiado dañado.</translation>
    </message>
    <message>
        <source>The page is kept as {name}; its folder “{folder}” holds no files.</source>
        <translation>La página se guarda como {name}; su carpeta “{folder}” no contiene archivos.</translation>
    </message>
    <message>
        <source>The page and the file of its folder “{folder}” are kept together as one file, {name}.</source>
        <translation>La página y el archivo de su carpeta “{folder}” se guardan juntos en un solo archivo, {name}.</translation>
    </message>
    <message>
        <source>The page and the {count} files of its folder “{folder}” are kept together as one file, {name}.</source>
        <translation>La página y los {count} archivos de su carpeta “{folder}” se guardan juntos en un solo archivo, {name}.</translation>
    </message>
    <message>
        <source>The folder “{folder}” is too large to keep with the page (over {files} files or {size} MB): only the page itself is kept, as {name}.</source>
        <translation>La carpeta “{folder}” es demasiado grande para guardarla con la página (más de {files} archivos o {size} MB): solo se guarda la página, como {name}.</translation>
    </message>
    <message>
        <source>The Markdown file is nested too deeply to be read.</source>
        <translation>El archivo Markdown tiene demasiados niveles anidados para leerlo.</translation>
    </message>
    <message>
        <source>The Markdown file “{name}” has no text.</source>
        <translation>El archivo Markdown “{name}” no tiene texto.</translation>
    </message>
    <message>
        <source>The Markdown file has no text.</source>
        <translation>El archivo Markdown no tiene texto.</translation>
    </message>
    <message>
        <source>The file “{name}” has no text.</source>
        <translation>El archivo “{name}” no tiene texto.</translation>
    </message>
    <message>
        <source>The file has no text.</source>
        <translation>El archivo no tiene texto.</translation>
    </message>
    <message>
        <source>source title</source>
        <translation>título de la fuente</translation>
    </message>
    <message>
        <source>source URL</source>
        <translation>URL de la fuente</translation>
    </message>
    <message>
        <source>source publisher</source>
        <translation>entidad editora de la fuente</translation>
    </message>
    <message>
        <source>source author</source>
        <translation>autor de la fuente</translation>
    </message>
    <message>
        <source>source date</source>
        <translation>fecha de la fuente</translation>
    </message>
    <message>
        <source>cited passage</source>
        <translation>pasaje citado</translation>
    </message>
    <message>
        <source>citation locator</source>
        <translation>ubicación de la cita</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 anotación</translation>
    </message>
    <message>
        <source>{n} annotations</source>
        <translation>{n} anotaciones</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 fuente</translation>
    </message>
    <message>
        <source>{n} sources</source>
        <translation>{n} fuentes</translation>
    </message>
    <message>
        <source>Imported 1 claim from {annotations}; {sources} added to the library.</source>
        <translation>Se importó 1 afirmación de {annotations}; {sources} más en la biblioteca.</translation>
    </message>
    <message>
        <source>Imported {n} claims from {annotations}; {sources} added to the library.</source>
        <translation>Se importaron {n} afirmaciones de {annotations}; {sources} más en la biblioteca.</translation>
    </message>
    <message>
        <source>Imported 1 claim from {annotations}.</source>
        <translation>Se importó 1 afirmación de {annotations}.</translation>
    </message>
    <message>
        <source>Imported {n} claims from {annotations}.</source>
        <translation>Se importaron {n} afirmaciones de {annotations}.</translation>
    </message>
    <message>
        <source>1 claim was anchored approximately (the article&apos;s words differ a little): check them.</source>
        <translation>1 afirmación se ancló de forma aproximada (las palabras del artículo difieren un poco): revísela.</translation>
    </message>
    <message>
        <source>{n} claims were anchored approximately (the article&apos;s words differ a little): check them.</source>
        <translation>{n} afirmaciones se anclaron de forma aproximada (las palabras del artículo difieren un poco): revíselas.</translation>
    </message>
    <message>
        <source>Skipped {n}:</source>
        <translation>Omitidas ({n}):</translation>
    </message>
    <message>
        <source>  {ref}: {reason}</source>
        <translation>  {ref}: {reason}</translation>
    </message>
    <message>
        <source>The annotation file is too large ({size} MB); factcheck reads files up to {limit} MB.</source>
        <translation>El archivo de anotaciones es demasiado grande ({size} MB); factcheck lee archivos de hasta {limit} MB.</translation>
    </message>
    <message>
        <source>The annotation file is not UTF-8 text, so it is not a Web Annotation JSON-LD file.</source>
        <translation>El archivo de anotaciones no es texto UTF-8, así que no es un archivo Web Annotation JSON-LD.</translation>
    </message>
    <message>
        <source>The annotation file is empty.</source>
        <translation>El archivo de anotaciones está vacío.</translation>
    </message>
    <message>
        <source>The annotation file is not valid JSON ({problem} at line {line}, column {column}).</source>
        <translation>El archivo de anotaciones no es JSON válido ({problem} en la línea {line}, columna {column}).</translation>
    </message>
    <message>
        <source>The annotation file is nested too deeply to be a Web Annotation file.</source>
        <translation>El archivo de anotaciones tiene demasiados niveles anidados para ser un archivo Web Annotation.</translation>
    </message>
    <message>
        <source>This is not a W3C Web Annotation file: it holds no AnnotationCollection, AnnotationPage or Annotation.</source>
        <translation>Esto no es un archivo W3C Web Annotation: no contiene ninguna AnnotationCollection, AnnotationPage ni Annotation.</translation>
    </message>
    <message>
        <source>The collection&apos;s annotations are in pages stored elsewhere; factcheck reads only files that contain their annotations.</source>
        <translation>Las anotaciones de la colección están en páginas guardadas en otro lugar; factcheck solo lee archivos que contienen sus anotaciones.</translation>
    </message>
    <message>
        <source>The collection&apos;s page is not an AnnotationPage.</source>
        <translation>La página de la colección no es una AnnotationPage.</translation>
    </message>
    <message>
        <source>The collection&apos;s pages never end.</source>
        <translation>Las páginas de la colección no terminan nunca.</translation>
    </message>
    <message>
        <source>The annotation page&apos;s items are not a list.</source>
        <translation>Los elementos (items) de la página de anotaciones no son una lista.</translation>
    </message>
    <message>
        <source>it is not an annotation object.</source>
        <translation>no es un objeto de anotación.</translation>
    </message>
    <message>
        <source>it is not an Annotation.</source>
        <translation>no es una Annotation.</translation>
    </message>
    <message>
        <source>it has no TextQuoteSelector, so there are no quoted words to anchor.</source>
        <translation>no tiene TextQuoteSelector, así que no hay palabras citadas que anclar.</translation>
    </message>
    <message>
        <source>its TextQuoteSelector quotes no words.</source>
        <translation>su TextQuoteSelector no cita ninguna palabra.</translation>
    </message>
    <message>
        <source>{ref}: a confidential source was left out: the file does not name it.</source>
        <translation>{ref}: se omitió una fuente confidencial: el archivo no la nombra.</translation>
    </message>
    <message>
        <source>{name} is open read-only; annotations cannot be imported into it.</source>
        <translation>{name} está abierto en modo de solo lectura; no se pueden importar anotaciones en él.</translation>
    </message>
    <message>
        <source>{ref}: {field} left out. {reason}</source>
        <translation>{ref}: se omitió el campo “{field}”. {reason}</translation>
    </message>
    <message>
        <source>{ref}: a tag left out. {reason}</source>
        <translation>{ref}: se omitió una etiqueta. {reason}</translation>
    </message>
    <message>
        <source>{ref}: the rating “{label}” is not on this project&apos;s scale ({scale}); the claim was imported without a rating.</source>
        <translation>{ref}: la calificación “{label}” no está en la escala de este proyecto ({scale}); la afirmación se importó sin calificación.</translation>
    </message>
    <message>
        <source>{ref}: a cited source with neither a title nor a web address was left out.</source>
        <translation>{ref}: se omitió una fuente citada sin título ni dirección web.</translation>
    </message>
    <message>
        <source>this project has no articles to anchor it to: annotations mark words in an article, so import the article first (File &gt; Import article), then the annotations.</source>
        <translation>este proyecto no tiene artículos a los que anclarla: las anotaciones marcan palabras de un artículo, así que importe primero el artículo (Archivo &gt; Importar artículo) y luego las anotaciones.</translation>
    </message>
    <message>
        <source>its words “{words}” are in none of this project&apos;s articles.</source>
        <translation>sus palabras “{words}” no están en ninguno de los artículos de este proyecto.</translation>
    </message>
    <message>
        <source>its words “{words}” were not found in “{title}” or the other matching articles.</source>
        <translation>sus palabras “{words}” no se encontraron en “{title}” ni en los demás artículos coincidentes.</translation>
    </message>
    <message>
        <source>its words “{words}” were not found in “{title}”.</source>
        <translation>sus palabras “{words}” no se encontraron en “{title}”.</translation>
    </message>
    <message>
        <source>its words “{words}” were found only as blank space.</source>
        <translation>sus palabras “{words}” solo se encontraron como espacio en blanco.</translation>
    </message>
    <message>
        <source>the same claim is already on “{title}”.</source>
        <translation>la misma afirmación ya está en “{title}”.</translation>
    </message>
    <message>
        <source>Your name could not be saved in {path} ({error}).</source>
        <translation>No se pudo guardar su nombre en {path} ({error}).</translation>
    </message>
    <message>
        <source>factcheck hit an unexpected problem, a bug in factcheck ({error}: {what}).</source>
        <translation>factcheck tuvo un problema inesperado, un error de programación de factcheck ({error}: {what}).</translation>
    </message>
    <message>
        <source>factcheck hit an unexpected problem, a bug in factcheck ({error}: {what}). Details were written to {path}.</source>
        <translation>factcheck tuvo un problema inesperado, un error de programación de factcheck ({error}: {what}). Los detalles se escribieron en {path}.</translation>
    </message>
    <message>
        <source>Supports the claim</source>
        <translation>Respalda la afirmación</translation>
    </message>
    <message>
        <source>Contradicts the claim</source>
        <translation>Contradice la afirmación</translation>
    </message>
    <message>
        <source>Gives context</source>
        <translation>Aporta contexto</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <extracomment>File dialog filters by format, shown through ``language.ui``.</extracomment>
        <translation>Informe HTML (*.html)</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Archivo zip (*.zip)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <extracomment>Captions, accessible names and hints of the fields (English; shown through ``language.ui``).</extracomment>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation>&amp;Medio:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Published on:</source>
        <translation>&amp;Fecha de publicación:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Fact-check URL:</source>
        <translation>URL de la &amp;verificación:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Article URL</source>
        <translation>URL del artículo</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Fecha de publicación</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Published fact-check URL</source>
        <translation>URL de la verificación publicada</translation>
    </message>
    <message>
        <source>Newspaper, site or broadcaster</source>
        <translation>Periódico, sitio web o emisora</translation>
    </message>
    <message>
        <source>https://…  (kept as text, never opened)</source>
        <translation>https://…  (se guarda como texto, nunca se abre)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>e.g. en, es</source>
        <translation>p. ej., en, es</translation>
    </message>
    <message>
        <source>https://…  where your fact-check of this article is published</source>
        <translation>https://…  donde está publicada su verificación de este artículo</translation>
    </message>
    <message>
        <source>Document</source>
        <extracomment>How each kind of source is named (English; shown through ``language.ui``).</extracomment>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Entrevista</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Official statement</source>
        <translation>Declaración oficial</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocida</translation>
    </message>
    <message>
        <source>Confidential sources are never exported with their details.</source>
        <translation>Las fuentes confidenciales nunca se exportan con sus datos.</translation>
    </message>
    <message>
        <source>Give the source a title or a URL.</source>
        <translation>Indique un título o una URL para la fuente.</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Entidad editora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Fiabilidad</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Usada en</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>Entidad editora:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Autor:</translation>
    </message>
    <message>
        <source>Published on:</source>
        <translation>Fecha de publicación:</translation>
    </message>
    <message>
        <source>Accessed on:</source>
        <translation>Fecha de consulta:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Reliability:</source>
        <translation>Fiabilidad:</translation>
    </message>
    <message>
        <source>Confidential:</source>
        <translation>Confidencial:</translation>
    </message>
    <message>
        <source>Cited by:</source>
        <translation>Citada en:</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Añadida:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>the history could not be read: {error}</source>
        <translation>no se pudo leer el historial: {error}</translation>
    </message>
    <message>
        <source>the check itself failed ({error}); see the log.</source>
        <translation>falló la propia comprobación ({error}); consulte el registro.</translation>
    </message>
    <message>
        <source>Confirm new words</source>
        <translation>Confirmar las palabras nuevas</translation>
    </message>
    <message>
        <source>Words changed: confirm</source>
        <translation>Palabras cambiadas: por confirmar</translation>
    </message>
    <message>
        <source>Unanchored</source>
        <translation>Sin anclar</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Fragmento</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Quién lo dijo</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Postura</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Pasaje</translation>
    </message>
    <message>
        <source>Locator</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Enviar a revisión</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>Verificador</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <extracomment>View &gt; Colours&apos; choices, shown through ``language.ui`` (marked here, translated when shown).</extracomment>
        <translation>Seguir al &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>The shared file {path} cannot be reached: check that the network drive is connected.</source>
        <translation>No se puede acceder al archivo compartido {path}: compruebe que la unidad de red está conectada.</translation>
    </message>
    <message>
        <source>The shared file {path} cannot be used: {reason}</source>
        <translation>No se puede usar el archivo compartido {path}: {reason}</translation>
    </message>
    <message>
        <source>{mark} is the start of more than one event id; give more of it.</source>
        <translation>{mark} es el comienzo de más de un identificador de evento; escriba más caracteres.</translation>
    </message>
    <message>
        <source>{mark} is neither a partner this copy exchanged with nor an event of its history; give a partner&apos;s name, an event id or “start”.</source>
        <translation>{mark} no es ni un compañero con el que esta copia intercambió cambios ni un evento de su historial; indique el nombre de un compañero, un identificador de evento o «start».</translation>
    </message>
    <message>
        <source>{name} cannot be written there: {reason}.</source>
        <translation>{name} no se puede escribir ahí: {reason}.</translation>
    </message>
    <message>
        <source>{name} could not be written: {reason}.</source>
        <translation>No se pudo escribir {name}: {reason}.</translation>
    </message>
    <message>
        <source>{name} was changed after it was written (its content does not match its checksums), so nothing was merged: ask the sender for it again.</source>
        <translation>{name} se modificó después de escribirse (su contenido no coincide con sus sumas de comprobación), así que no se fusionó nada: pida a quien lo envió que lo mande otra vez.</translation>
    </message>
    <message>
        <source>{name} is incomplete or damaged (cut short when it was copied or sent?), so nothing was merged: ask the sender for it again.</source>
        <translation>{name} está incompleto o dañado (¿se cortó al copiarlo o enviarlo?), así que no se fusionó nada: pida a quien lo envió que lo mande otra vez.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>No se puede leer {name}: {reason}.</translation>
    </message>
    <message>
        <source>{name} is not a factcheck hand-off file.</source>
        <translation>{name} no es un archivo de cambios de factcheck.</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of factcheck; update factcheck to merge it.</source>
        <translation>{name} lo escribió una versión más reciente de factcheck; actualice factcheck para fusionarlo.</translation>
    </message>
    <message>
        <source>{name} builds on changes this copy has not received yet; merge the earlier hand-off from {sender} first, or ask {sender} for a hand-off of everything (factcheck handoff --since start).</source>
        <translation>{name} parte de cambios que esta copia aún no recibió; fusione primero el archivo de cambios anterior de {sender}, o pida a {sender} un archivo con todo (factcheck handoff --since start).</translation>
    </message>
    <message>
        <source>This is not a PostgreSQL connection string: {reason}</source>
        <translation>Esta no es una cadena de conexión de PostgreSQL: {reason}</translation>
    </message>
    <message>
        <source>The sync server cannot be reached: {reason}</source>
        <translation>No se puede llegar al servidor de sincronización: {reason}</translation>
    </message>
    <message>
        <source>Another copy pushed first; pull again.</source>
        <translation>Otra copia envió antes; vuelva a recibir los cambios.</translation>
    </message>
    <message>
        <source>The sync server refused the changes: {reason}.</source>
        <translation>El servidor de sincronización rechazó los cambios: {reason}.</translation>
    </message>
    <message>
        <source>The connection to the sync server was lost: {reason}</source>
        <translation>Se perdió la conexión con el servidor de sincronización: {reason}</translation>
    </message>
    <message>
        <source>{user} is not a member of this project on the sync server (an editor adds members with factcheck server grant)</source>
        <extracomment>Why the server refuses, by the name ``schema.sql`` gives each rule in its errors&apos; HINT (its own messages are English and for the server&apos;s log; these are translated).</extracomment>
        <translation>{user} no es miembro de este proyecto en el servidor de sincronización (un editor añade miembros con factcheck server grant)</translation>
    </message>
    <message>
        <source>an editor puts a project on the server first, with its history; then checkers sync it</source>
        <translation>primero un editor sube el proyecto al servidor, con su historial; después los verificadores lo sincronizan</translation>
    </message>
    <message>
        <source>{user} is putting this project on the server with its history, and this copy syncs once that is done</source>
        <translation>{user} está subiendo este proyecto al servidor con su historial, y esta copia se sincronizará cuando termine</translation>
    </message>
    <message>
        <source>{user} is sending a large set of changes, and this copy syncs once they are in</source>
        <translation>{user} está enviando un conjunto grande de cambios, y esta copia se sincronizará cuando hayan llegado</translation>
    </message>
    <message>
        <source>{user} is a checker on this project, and only an editor may approve or publish a verdict</source>
        <translation>{user} es verificador en este proyecto, y solo un editor puede aprobar o publicar un veredicto</translation>
    </message>
    <message>
        <source>an approval does not name the verdict it approved (it was written by another program)</source>
        <translation>una aprobación no indica el veredicto que aprobó (la escribió otro programa)</translation>
    </message>
    <message>
        <source>a review status may change only through review</source>
        <translation>un estado de revisión solo puede cambiar mediante la revisión</translation>
    </message>
    <message>
        <source>a merge may keep only approvals that an editor made on this server</source>
        <translation>una combinación solo puede conservar aprobaciones que un editor hizo en este servidor</translation>
    </message>
    <message>
        <source>{user} last changed this verdict, so someone else must approve it (four-eyes rule)</source>
        <translation>{user} fue quien cambió este veredicto por última vez, así que otra persona debe aprobarlo (regla de los cuatro ojos)</translation>
    </message>
    <message>
        <source>the server&apos;s history is append-only</source>
        <translation>el historial del servidor solo admite añadidos</translation>
    </message>
    <message>
        <source>a change is larger than the server accepts</source>
        <translation>un cambio es más grande de lo que acepta el servidor</translation>
    </message>
    <message>
        <source>a change does not match its id: it was altered after it was made</source>
        <translation>un cambio no coincide con su identificador: se alteró después de hacerse</translation>
    </message>
    <message>
        <source>a change is not well formed</source>
        <translation>un cambio no está bien formado</translation>
    </message>
    <message>
        <source>a change follows changes the server does not hold</source>
        <translation>un cambio sigue a cambios que el servidor no tiene</translation>
    </message>
    <message>
        <source>a change belongs to another project</source>
        <translation>un cambio pertenece a otro proyecto</translation>
    </message>
    <message>
        <source>a stored file does not match its SHA-256</source>
        <translation>un archivo guardado no coincide con su SHA-256</translation>
    </message>
    <message>
        <source>The sync server is busy: {reason}.</source>
        <translation>El servidor de sincronización está ocupado: {reason}.</translation>
    </message>
    <message>
        <source>The server has no factcheck store yet: run factcheck server init on it first.</source>
        <translation>El servidor aún no tiene el almacén de factcheck: ejecute primero factcheck server init en él.</translation>
    </message>
    <message>
        <source>The sync server&apos;s factcheck store is older than this factcheck: run factcheck server init on it to upgrade it.</source>
        <translation>El almacén de factcheck del servidor de sincronización es más antiguo que este factcheck: ejecute factcheck server init en él para actualizarlo.</translation>
    </message>
    <message>
        <source>The sync server reported an error: {reason}</source>
        <translation>El servidor de sincronización informó de un error: {reason}</translation>
    </message>
    <message>
        <source>The sync server sent an event that does not match its id; nothing was merged.</source>
        <translation>El servidor de sincronización envió un evento que no coincide con su identificador; no se fusionó nada.</translation>
    </message>
    <message>
        <source>Sending changes to the sync server stopped after {n} of {total}; the next sync goes on from there.</source>
        <translation>El envío de cambios al servidor de sincronización se detuvo tras {n} de {total}; la próxima sincronización seguirá desde ahí.</translation>
    </message>
    <message>
        <source>1 change waits on this laptop: an approval by {actor}, and the sync server takes approvals only from an editor. It goes up by itself once an editor syncs it: {actor} from their own laptop, or any editor of the desk after merging a hand-off of this copy (File &gt; Send changes…).</source>
        <translation>1 cambio espera en este portátil: una aprobación de {actor}, y el servidor de sincronización solo acepta aprobaciones de un editor. Subirá solo en cuanto un editor la sincronice: {actor} desde su propio portátil, o cualquier editor de la mesa tras combinar un archivo de cambios de esta copia (Archivo &gt; Enviar cambios…).</translation>
    </message>
    <message>
        <source>{n} changes wait on this laptop: they follow an approval by {actor}, and the sync server takes approvals only from an editor. They go up by themselves once an editor syncs that approval: {actor} from their own laptop, or any editor of the desk after merging a hand-off of this copy (File &gt; Send changes…).</source>
        <translation>{n} cambios esperan en este portátil: siguen a una aprobación de {actor}, y el servidor de sincronización solo acepta aprobaciones de un editor. Subirán solos en cuanto un editor sincronice esa aprobación: {actor} desde su propio portátil, o cualquier editor de la mesa tras combinar un archivo de cambios de esta copia (Archivo &gt; Enviar cambios…).</translation>
    </message>
    <message>
        <source>1 change waits on this laptop. {refusal} Send a hand-off of this copy to an editor of the desk (File &gt; Send changes…), who can merge it and decide what goes to the server.</source>
        <translation>1 cambio espera en este portátil. {refusal} Envíe un archivo de cambios de esta copia a un editor de la mesa (Archivo &gt; Enviar cambios…), que puede combinarla y decidir qué sube al servidor.</translation>
    </message>
    <message>
        <source>{n} changes wait on this laptop. {refusal} Send a hand-off of this copy to an editor of the desk (File &gt; Send changes…), who can merge it and decide what goes to the server.</source>
        <translation>{n} cambios esperan en este portátil. {refusal} Envíe un archivo de cambios de esta copia a un editor de la mesa (Archivo &gt; Enviar cambios…), que puede combinarla y decidir qué sube al servidor.</translation>
    </message>
    <message>
        <source>Other copies kept pushing while this one tried; try again in a moment.</source>
        <translation>Otras copias siguieron enviando cambios mientras esta lo intentaba; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>{name} cannot be a user name on the server: use letters, digits and _ . @ - (at most 63), starting with a letter.</source>
        <translation>{name} no puede ser un nombre de usuario en el servidor: use letras, dígitos y _ . @ - (como máximo 63), empezando por una letra.</translation>
    </message>
    <message>
        <source>{role} is not a role: use checker or editor.</source>
        <translation>{role} no es un rol: use checker o editor.</translation>
    </message>
    <message>
        <source>{name} is not a ClaimReview JSON file: it is not valid JSON.</source>
        <translation>{name} no es un archivo JSON de ClaimReview: no es JSON válido.</translation>
    </message>
    <message>
        <source>{name} is not a ClaimReview JSON file: it is not UTF-8 text.</source>
        <translation>{name} no es un archivo JSON de ClaimReview: no es texto UTF-8.</translation>
    </message>
    <message>
        <source>{name} is empty: there is no ClaimReview in it.</source>
        <translation>{name} está vacío: no contiene ningún ClaimReview.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a factcheck library.</source>
        <translation>{name} es una carpeta, no una biblioteca de factcheck.</translation>
    </message>
    <message>
        <source>The library cannot be created in {folder} ({error}).</source>
        <translation>No se puede crear la biblioteca en {folder} ({error}).</translation>
    </message>
    <message>
        <source>The library {name} cannot be read ({error}).</source>
        <translation>No se puede leer la biblioteca {name} ({error}).</translation>
    </message>
    <message>
        <source>{name} is not a factcheck library (it is another program&apos;s or a project&apos;s file).</source>
        <translation>{name} no es una biblioteca de factcheck (es un archivo de otro programa o de un proyecto).</translation>
    </message>
    <message>
        <source>The library {name} was written by a newer version of factcheck; update factcheck to use it (similar claims are not shown meanwhile).</source>
        <translation>La biblioteca {name} la escribió una versión más reciente de factcheck; actualice factcheck para usarla (mientras tanto no se muestran afirmaciones parecidas).</translation>
    </message>
    <message>
        <source>The library {name} is from an older factcheck and is read-only here.</source>
        <translation>La biblioteca {name} es de un factcheck anterior y aquí es de solo lectura.</translation>
    </message>
    <message>
        <source>The library {name} is being changed by another factcheck; try again in a moment.</source>
        <translation>Otro factcheck está modificando la biblioteca {name}; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The library {name} is busy in another factcheck window: it is read here without being brought up to date.</source>
        <translation>La biblioteca {name} está ocupada en otra ventana de factcheck: aquí se lee sin actualizarla.</translation>
    </message>
    <message>
        <source>The library {name} is read-only; it cannot be brought up to date.</source>
        <translation>La biblioteca {name} es de solo lectura; no se puede actualizar.</translation>
    </message>
    <message>
        <source>The library {name} could not be written: the disk is full.</source>
        <translation>No se pudo escribir en la biblioteca {name}: el disco está lleno.</translation>
    </message>
    <message>
        <source>The library {name} could not be used ({error}).</source>
        <translation>No se pudo usar la biblioteca {name} ({error}).</translation>
    </message>
    <message>
        <source>The library {name} is damaged and could not be set aside ({error}).</source>
        <translation>La biblioteca {name} está dañada y no se pudo apartar ({error}).</translation>
    </message>
    <message>
        <source>The library was damaged: it was set aside as {aside} and rebuilt from {projects} projects and {files} ClaimReview files; {gone} ClaimReview files are gone and must be added again.</source>
        <translation>La biblioteca estaba dañada: se apartó como {aside} y se reconstruyó a partir de {projects} proyectos y {files} archivos ClaimReview; {gone} archivos ClaimReview ya no están y hay que volver a añadirlos.</translation>
    </message>
    <message>
        <source>The library was damaged: it was set aside as {aside} and rebuilt from {projects} projects and {files} ClaimReview files.</source>
        <translation>La biblioteca estaba dañada: se apartó como {aside} y se reconstruyó a partir de {projects} proyectos y {files} archivos ClaimReview.</translation>
    </message>
    <message>
        <source>The library {name} is open read-only here (another factcheck is using it); try again in a moment.</source>
        <translation>La biblioteca {name} está abierta aquí en solo lectura (otro factcheck la está usando); vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>{name} holds no ClaimReview files (.json, .jsonld).</source>
        <translation>{name} no contiene archivos ClaimReview (.json, .jsonld).</translation>
    </message>
    <message>
        <source>{name} is not in the library.</source>
        <translation>{name} no está en la biblioteca.</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>fecha de inicio</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>fecha de fin</translation>
    </message>
    <message>
        <source>1 file of a confidential source was left out.</source>
        <translation>Se dejó fuera 1 archivo de una fuente confidencial.</translation>
    </message>
    <message>
        <source>{n} files of confidential sources were left out.</source>
        <translation>Se dejaron fuera {n} archivos de fuentes confidenciales.</translation>
    </message>
    <message>
        <source>1 attached file is not stored in this copy and was left out.</source>
        <translation>1 archivo adjunto no está guardado en esta copia y se dejó fuera.</translation>
    </message>
    <message>
        <source>{n} attached files are not stored in this copy and were left out.</source>
        <translation>{n} archivos adjuntos no están guardados en esta copia y se dejaron fuera.</translation>
    </message>
    <message>
        <source>Nothing to export: no files are attached to the chosen sources and citations.</source>
        <translation>Nada que exportar: no hay archivos adjuntos a las fuentes y citas elegidas.</translation>
    </message>
    <message>
        <source>Nothing to export: the project has no attached files.</source>
        <translation>Nada que exportar: el proyecto no tiene archivos adjuntos.</translation>
    </message>
    <message>
        <source>This {kind} is damaged or forged: it holds a part named “{part}”, which points outside the document.</source>
        <translation>Este {kind} está dañado o falsificado: contiene una parte llamada “{part}”, que apunta fuera del documento.</translation>
    </message>
    <message>
        <source>This {kind} holds too many parts (more than {limit}) to be a real document.</source>
        <translation>Este {kind} contiene demasiadas partes (más de {limit}) para ser un documento real.</translation>
    </message>
    <message>
        <source>This {kind} holds more text than factcheck reads (over {limit} MB once unpacked), or is a “zip bomb”.</source>
        <translation>Este {kind} contiene más texto del que factcheck lee (más de {limit} MB una vez descomprimido), o es una “bomba zip”.</translation>
    </message>
    <message>
        <source>This {kind} is too deeply nested or too large to read.</source>
        <translation>Este {kind} está anidado a demasiada profundidad o es demasiado grande para leerlo.</translation>
    </message>
    <message>
        <source>This {kind} is damaged (perhaps not fully downloaded or copied) and cannot be read.</source>
        <translation>Este {kind} está dañado (quizá no se descargó o copió por completo) y no se puede leer.</translation>
    </message>
    <message>
        <source>This {kind} is protected with a password, which factcheck cannot open: open it, save a copy without the password and import that copy.</source>
        <translation>Este {kind} está protegido con contraseña y factcheck no puede abrirlo: ábralo, guarde una copia sin la contraseña e importe esa copia.</translation>
    </message>
    <message>
        <source>This {kind} is damaged or forged: its XML declares entities or a DTD, which real documents never do.</source>
        <translation>Este {kind} está dañado o falsificado: su XML declara entidades o una DTD, algo que los documentos reales nunca hacen.</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>documento de Word</translation>
    </message>
    <message>
        <source>This document has tracked changes; factcheck imported the text with all changes accepted.</source>
        <translation>Este documento tiene cambios controlados; factcheck importó el texto con todos los cambios aceptados.</translation>
    </message>
    <message>
        <source>This document has comments; factcheck left them out of the article text.</source>
        <translation>Este documento tiene comentarios; factcheck los dejó fuera del texto del artículo.</translation>
    </message>
    <message>
        <source>This is an old Word document (.doc), which factcheck cannot read: open it in Word or LibreOffice, save it as .docx and import that.</source>
        <translation>Este es un documento de Word antiguo (.doc), que factcheck no puede leer: ábralo en Word o LibreOffice, guárdelo como .docx e importe ese archivo.</translation>
    </message>
    <message>
        <source>This file is not a Word document: it has no main text.</source>
        <translation>Este archivo no es un documento de Word: no tiene texto principal.</translation>
    </message>
    <message>
        <source>The Word document has no text.</source>
        <translation>El documento de Word no tiene texto.</translation>
    </message>
    <message>
        <source>Office document</source>
        <translation>documento de Office</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Se canceló la importación.</translation>
    </message>
    <message>
        <source>e-book (EPUB)</source>
        <translation>libro electrónico (EPUB)</translation>
    </message>
    <message>
        <source>This e-book is protected against copying (DRM), so factcheck cannot read its text.</source>
        <translation>Este libro electrónico está protegido contra copia (DRM), así que factcheck no puede leer su texto.</translation>
    </message>
    <message>
        <source>The e-book has no text.</source>
        <translation>El libro electrónico no tiene texto.</translation>
    </message>
    <message>
        <source>The saved web page “{name}” holds no HTML page to read, only images, style sheets or other files.</source>
        <translation>La página web guardada “{name}” no contiene ninguna página HTML que leer, solo imágenes, hojas de estilo u otros archivos.</translation>
    </message>
    <message>
        <source>The saved page is cut short (perhaps not fully downloaded): its text was read as far as it goes.</source>
        <translation>La página guardada está incompleta (quizá no se descargó por completo): su texto se leyó hasta donde llega.</translation>
    </message>
    <message>
        <source>The file “{name}” is not a saved web page (MHTML) that factcheck can read: it is damaged, or another kind of file renamed.</source>
        <translation>El archivo “{name}” no es una página web guardada (MHTML) que factcheck pueda leer: está dañado, o es otro tipo de archivo con el nombre cambiado.</translation>
    </message>
    <message>
        <source>OpenDocument text file</source>
        <translation>archivo de texto OpenDocument</translation>
    </message>
    <message>
        <source>The OpenDocument text file has no text.</source>
        <translation>El archivo de texto OpenDocument no tiene texto.</translation>
    </message>
    <message>
        <source>Running headers, footers and page numbers were left out of the text.</source>
        <translation>Se dejaron fuera del texto los encabezados, los pies de página y los números de página.</translation>
    </message>
    <message>
        <source>Text set at a slant (a watermark, say) was left out of the text.</source>
        <translation>Se dejó fuera del texto lo escrito en diagonal (una marca de agua, por ejemplo).</translation>
    </message>
    <message>
        <source>This PDF is protected by a password.</source>
        <translation>Este PDF está protegido con contraseña.</translation>
    </message>
    <message>
        <source>The password does not open this PDF.</source>
        <translation>La contraseña no abre este PDF.</translation>
    </message>
    <message>
        <source>This PDF has no text layer; run OCR first (text recognition, for example with OCRmyPDF or the scanner&apos;s software), then import the PDF it makes.</source>
        <translation>Este PDF no tiene capa de texto; pase primero un OCR (reconocimiento de texto, por ejemplo con OCRmyPDF o el programa del escáner) e importe el PDF que genere.</translation>
    </message>
    <message>
        <source>This PDF is damaged and cannot be read.</source>
        <translation>Este PDF está dañado y no se puede leer.</translation>
    </message>
    <message>
        <source>This PDF is incomplete (cut short while it was downloaded or copied?): get the file again.</source>
        <translation>Este PDF está incompleto (¿se cortó al descargarlo o copiarlo?): vuelva a obtener el archivo.</translation>
    </message>
    <message>
        <source>This PDF has no pages.</source>
        <translation>Este PDF no tiene páginas.</translation>
    </message>
    <message>
        <source>This PDF is protected in a way factcheck cannot open.</source>
        <translation>Este PDF está protegido de una forma que factcheck no puede abrir.</translation>
    </message>
    <message>
        <source>The text of this PDF is too long to be one article (more than {limit} MB): split the PDF and import the part with the article.</source>
        <translation>El texto de este PDF es demasiado largo para un solo artículo (más de {limit} MB): divida el PDF e importe la parte que contiene el artículo.</translation>
    </message>
    <message>
        <source>Page {page} is a scanned image without a text layer, so its words are not in the text: run OCR on the PDF to import them.</source>
        <translation>La página {page} es una imagen escaneada sin capa de texto, así que sus palabras no están en el texto: pase un OCR al PDF para importarlas.</translation>
    </message>
    <message>
        <source>{n} pages are scanned images without a text layer, so their words are not in the text: run OCR on the PDF to import them.</source>
        <translation>{n} páginas son imágenes escaneadas sin capa de texto, así que sus palabras no están en el texto: pase un OCR al PDF para importarlas.</translation>
    </message>
    <message>
        <source>The file “{name}” is not a web archive (WARC) that factcheck can read: it is damaged, or another kind of file renamed.</source>
        <translation>El archivo “{name}” no es un archivo web (WARC) que factcheck pueda leer: está dañado, o es otro tipo de archivo con el nombre cambiado.</translation>
    </message>
    <message>
        <source>The web archive “{name}” is cut short (perhaps not fully downloaded) before any complete web page.</source>
        <translation>El archivo web “{name}” se corta (quizá no se descargó por completo) antes de cualquier página web completa.</translation>
    </message>
    <message>
        <source>The web pages in the web archive “{name}” are compressed as “{encoding}”, which factcheck cannot unpack.</source>
        <translation>Las páginas web del archivo web “{name}” están comprimidas como “{encoding}”, que factcheck no puede descomprimir.</translation>
    </message>
    <message>
        <source>The web archive “{name}” holds no web page (HTML) to read, only images, scripts or other files.</source>
        <translation>El archivo web “{name}” no contiene ninguna página web (HTML) que leer, solo imágenes, scripts u otros archivos.</translation>
    </message>
    <message>
        <source>This web archive is cut short (perhaps not fully downloaded): the page was read from the complete records before the cut.</source>
        <translation>Este archivo web está incompleto (quizá no se descargó por completo): la página se leyó de los registros completos anteriores al corte.</translation>
    </message>
    <message>
        <source>This web archive holds {count} web pages; factcheck read the one with the most article text, {url}.</source>
        <translation>Este archivo web contiene {count} páginas web; factcheck leyó la que tiene más texto de artículo, {url}.</translation>
    </message>
    <message>
        <source>The web archive “{name}” unpacks to more than {limit} GB, more than factcheck reads (or it is a “zip bomb”).</source>
        <translation>El archivo web “{name}” ocupa más de {limit} GB una vez descomprimido, más de lo que factcheck lee (o es una “bomba zip”).</translation>
    </message>
    <message>
        <source>web archive (WACZ)</source>
        <translation>archivo web (WACZ)</translation>
    </message>
    <message>
        <source>The file “{name}” is not a web archive (WACZ) that factcheck can read: it holds no WARC files.</source>
        <translation>El archivo “{name}” no es un archivo web (WACZ) que factcheck pueda leer: no contiene archivos WARC.</translation>
    </message>
    <message>
        <source>This claim cites no source yet. Cite one first: evidence is kept with a source.</source>
        <translation>Esta afirmación todavía no cita ninguna fuente. Cite una primero: las evidencias se guardan con una fuente.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>The clipboard holds no picture or file to attach.</source>
        <translation>El portapapeles no contiene ninguna imagen ni archivo que adjuntar.</translation>
    </message>
    <message>
        <source>The picture could not be saved as a PNG file.</source>
        <translation>No se pudo guardar la imagen como archivo PNG.</translation>
    </message>
    <message>
        <source>No program on this computer opens {name}; it is kept in the project all the same.</source>
        <translation>Ningún programa de este equipo abre {name}; de todos modos se conserva en el proyecto.</translation>
    </message>
    <message>
        <source>Update article from file</source>
        <translation>Actualizar el artículo desde un archivo</translation>
    </message>
    <message>
        <source>Update article from pasted text</source>
        <translation>Actualizar el artículo desde texto pegado</translation>
    </message>
    <message>
        <source>An editor asked for changes: its verdict can&apos;t be reused.</source>
        <translation>Un editor pidió cambios: su veredicto no se puede reutilizar.</translation>
    </message>
    <message>
        <source>Not approved yet: its verdict can&apos;t be reused.</source>
        <translation>Aún no está aprobado: su veredicto no se puede reutilizar.</translation>
    </message>
    <message>
        <source>Only a claim still being written takes an earlier verdict; this one is already in review or signed off.</source>
        <translation>Solo una afirmación que aún se está redactando puede tomar un veredicto anterior; esta ya está en revisión o aprobada.</translation>
    </message>
    <message>
        <source>Use an earlier verdict</source>
        <translation>Usar un veredicto anterior</translation>
    </message>
    <message>
        <source>The upgrade was stopped: the project is as its last finished step left it, and is upgraded again the next time it is opened.</source>
        <extracomment>Why an upgrade stopped when its ``progress`` said so.</extracomment>
        <translation>Se detuvo la actualización: el proyecto quedó como lo dejó su último paso terminado, y se actualizará de nuevo la próxima vez que se abra.</translation>
    </message>
    <message>
        <source>Receiving changes from the sync server stopped after {n} of {total}; the next sync goes on from there.</source>
        <translation>La recepción de cambios del servidor de sincronización se detuvo tras {n} de {total}; la próxima sincronización seguirá desde ahí.</translation>
    </message>
    <message>
        <source>The sync server no longer holds this project.</source>
        <translation>El servidor de sincronización ya no tiene este proyecto.</translation>
    </message>
    <message>
        <source>Taking in the changes received from the sync server stopped; nothing of them was written, and the next sync takes them in.</source>
        <translation>La incorporación de los cambios recibidos del servidor de sincronización se detuvo; no se escribió nada de ellos, y la próxima sincronización los incorporará.</translation>
    </message>
    <message>
        <source>The sync server sent a change that follows changes it did not send; nothing was merged.</source>
        <translation>El servidor de sincronización envió un cambio que sigue a cambios que no envió; no se fusionó nada.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>{problem} Your saved work is safe in the project file.</source>
        <translation>{problem} El trabajo guardado está a salvo en el archivo del proyecto.</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>1 claim</source>
        <translation>1 afirmación</translation>
    </message>
    <message>
        <source>{n} claims</source>
        <translation>{n} afirmaciones</translation>
    </message>
</context>
<context>
    <name>ArticleMetadataForm</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>ArticlePropertiesDialog</name>
    <message>
        <source>Article properties</source>
        <translation>Propiedades del artículo</translation>
    </message>
    <message>
        <source>The fact-check URL is the page where your fact-check of this article is published; ClaimReview exports use it as their url.</source>
        <translation>La URL de verificación es la página donde se publica su verificación de este artículo; las exportaciones ClaimReview la usan como su url.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>The project is read-only: the properties cannot be changed.</source>
        <translation>El proyecto es de solo lectura: las propiedades no se pueden cambiar.</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>No article is open. Choose one in the Articles list, or bring one in: File &gt; Import article… (Ctrl+I), File &gt; Paste article… (Ctrl+Shift+V), or drop a file here.</source>
        <translation>No hay ningún artículo abierto. Elija uno en la lista de Artículos o traiga uno: Archivo &gt; Importar artículo… (Ctrl+I), Archivo &gt; Pegar artículo… (Ctrl+Mayús+V), o suelte un archivo aquí.</translation>
    </message>
    <message>
        <source>version {number} of {total}</source>
        <translation>versión {number} de {total}</translation>
    </message>
    <message>
        <source>Claims here</source>
        <translation>Afirmaciones aquí</translation>
    </message>
</context>
<context>
    <name>BarChartWidget</name>
    <message>
        <source>{title}: none.</source>
        <translation>{title}: ninguna.</translation>
    </message>
    <message>
        <source>{label}: {count}</source>
        <translation>{label}: {count}</translation>
    </message>
    <message>
        <source>{title}: {items}.</source>
        <translation>{title}: {items}.</translation>
    </message>
    <message>
        <source>1 claim ({percent}%)</source>
        <translation>1 afirmación ({percent} %)</translation>
    </message>
    <message>
        <source>{n} claims ({percent}%)</source>
        <translation>{n} afirmaciones ({percent} %)</translation>
    </message>
    <message>
        <source>1 claim</source>
        <translation>1 afirmación</translation>
    </message>
    <message>
        <source>{n} claims</source>
        <translation>{n} afirmaciones</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>A claim</source>
        <translation>Una afirmación</translation>
    </message>
    <message>
        <source>Claim: {quote}</source>
        <translation>Afirmación: {quote}</translation>
    </message>
    <message>
        <source>Checklist before: {action}</source>
        <translation>Lista de comprobación antes de: {action}</translation>
    </message>
    <message>
        <source>Every check passed: rating, sources, a one-sentence verdict summary, no open review comments, words confirmed.</source>
        <translation>Se superaron todas las comprobaciones: calificación, fuentes, un resumen del veredicto de una sola frase, ningún comentario de revisión abierto, palabras confirmadas.</translation>
    </message>
    <message>
        <source>Nothing blocks this; look at the warnings below.</source>
        <translation>Nada lo impide; revise las advertencias de abajo.</translation>
    </message>
    <message>
        <source>This claim cannot be approved yet: fix what is marked as blocking.</source>
        <translation>Esta afirmación aún no se puede aprobar: corrija lo marcado como bloqueante.</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} claims have blocking problems and will be left as they are; the other {clear} can go ahead.</source>
        <translation>
            <numerusform>%n de {total} afirmaciones tiene problemas bloqueantes y se quedará como está; el resto ({clear}) puede seguir adelante.</numerusform>
            <numerusform>%n de {total} afirmaciones tienen problemas bloqueantes y se quedarán como están; el resto ({clear}) puede seguir adelante.</numerusform>
        </translation>
    </message>
    <message>
        <source>None of these claims can go ahead: each has a blocking problem.</source>
        <translation>Ninguna de estas afirmaciones puede seguir adelante: todas tienen un problema bloqueante.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>{action} ({ready} of {total})</source>
        <translation>{action} ({ready} de {total})</translation>
    </message>
    <message>
        <source>Blocking: This claim {problem}</source>
        <translation>Bloqueante: esta afirmación {problem}</translation>
    </message>
    <message>
        <source>Warning: This claim {problem}</source>
        <translation>Advertencia: esta afirmación {problem}</translation>
    </message>
    <message>
        <source>Blocking: {claim} {problem}</source>
        <translation>Bloqueante: {claim} {problem}</translation>
    </message>
    <message>
        <source>Warning: {claim} {problem}</source>
        <translation>Advertencia: {claim} {problem}</translation>
    </message>
</context>
<context>
    <name>CitationDialog</name>
    <message>
        <source>Edit citation</source>
        <translation>Editar cita</translation>
    </message>
    <message>
        <source>Cite a source</source>
        <translation>Citar una fuente</translation>
    </message>
    <message>
        <source>Claim: “{quote}”</source>
        <translation>Afirmación: “{quote}”</translation>
    </message>
    <message>
        <source>Search the source library</source>
        <translation>Buscar en la biblioteca de fuentes</translation>
    </message>
    <message>
        <source>New &amp;source…</source>
        <translation>Nue&amp;va fuente…</translation>
    </message>
    <message>
        <source>Add a source to the library and cite it</source>
        <translation>Añadir una fuente a la biblioteca y citarla</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Fuente:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Fuente:</translation>
    </message>
    <message>
        <source>(source no longer in the library)</source>
        <translation>(la fuente ya no está en la biblioteca)</translation>
    </message>
    <message>
        <source>Stance:</source>
        <translation>Postura:</translation>
    </message>
    <message>
        <source>The words of the source that matter, copied exactly</source>
        <translation>Las palabras de la fuente que importan, copiadas literalmente</translation>
    </message>
    <message>
        <source>Where in the source: p. 12, 03:14, table 2…</source>
        <translation>Ubicación en la fuente: p. 12, 03:14, tabla 2…</translation>
    </message>
    <message>
        <source>Anything a reviewer should know about this citation</source>
        <translation>Lo que un revisor debería saber sobre esta cita</translation>
    </message>
    <message>
        <source>&amp;Quoted passage:</source>
        <translation>&amp;Pasaje citado:</translation>
    </message>
    <message>
        <source>&amp;Locator:</source>
        <translation>&amp;Ubicación:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cite source</source>
        <translation>Citar fuente</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>E&amp;videncias</translation>
    </message>
    <message>
        <source>No source matches “{search}”. Add it with New source…</source>
        <translation>Ninguna fuente coincide con “{search}”. Añádala con Nueva fuente…</translation>
    </message>
    <message>
        <source>The library is empty. Add a source with New source…</source>
        <translation>La biblioteca está vacía. Añada una fuente con Nueva fuente…</translation>
    </message>
    <message>
        <source>Choose a source in the list first</source>
        <translation>Elija antes una fuente de la lista</translation>
    </message>
</context>
<context>
    <name>CitationTableModel</name>
    <message>
        <source>supports</source>
        <translation>respalda</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>contradice</translation>
    </message>
    <message>
        <source>context</source>
        <translation>contexto</translation>
    </message>
    <message>
        <source>{title} (confidential)</source>
        <translation>{title} (confidencial)</translation>
    </message>
</context>
<context>
    <name>CitedFilesModel</name>
    <message>
        <source>Evidence files kept with the source and with this citation</source>
        <translation>Archivos de evidencia guardados con la fuente y con esta cita</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 archivo</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>The source&apos;s: {files}</source>
        <translation>De la fuente: {files}</translation>
    </message>
    <message>
        <source>This citation&apos;s: {files}</source>
        <translation>De esta cita: {files}</translation>
    </message>
    <message>
        <source>No evidence files yet (File &gt; Attach evidence…)</source>
        <translation>Aún no hay archivos de evidencia (Archivo &gt; Adjuntar evidencias…)</translation>
    </message>
</context>
<context>
    <name>ClaimInspector</name>
    <message>
        <source>{items} and {last}</source>
        <translation>{items} y {last}</translation>
    </message>
    <message>
        <source>The page of the original file where the quoted words are</source>
        <translation>La página del archivo original donde están las palabras del fragmento</translation>
    </message>
    <message>
        <source>Confirm new words</source>
        <translation>Confirmar las palabras nuevas</translation>
    </message>
    <message>
        <source>The article changed under this claim: accept the highlighted words as its quote.</source>
        <translation>El artículo cambió bajo esta afirmación: aceptar las palabras resaltadas como su fragmento.</translation>
    </message>
    <message>
        <source>Anchor to selection</source>
        <translation>Anclar a la selección</translation>
    </message>
    <message>
        <source>Select the claim&apos;s words in the article, then click here.</source>
        <translation>Seleccione en el artículo las palabras de la afirmación y luego haga clic aquí.</translation>
    </message>
    <message>
        <source>The claim as checked, in a short sentence</source>
        <translation>La afirmación tal como se verificó, en una frase corta</translation>
    </message>
    <message>
        <source>Who made the claim</source>
        <translation>Quién hizo la afirmación</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Sin definir</translation>
    </message>
    <message>
        <source>1 (low)</source>
        <translation>1 (bajo)</translation>
    </message>
    <message>
        <source>5 (high)</source>
        <translation>5 (alto)</translation>
    </message>
    <message>
        <source>comma, separated, tags</source>
        <translation>etiquetas, separadas, por comas</translation>
    </message>
    <message>
        <source>One sentence: what the evidence shows</source>
        <translation>Una frase: lo que muestra la evidencia</translation>
    </message>
    <message>
        <source>How the verdict was reached</source>
        <translation>Cómo se llegó al veredicto</translation>
    </message>
    <message>
        <source>Private working notes</source>
        <translation>Notas de trabajo privadas</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Enunciado</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Quién lo dijo</translation>
    </message>
    <message>
        <source>Claim date</source>
        <translation>Fecha de la afirmación</translation>
    </message>
    <message>
        <source>Check-worthiness</source>
        <translation>Interés para verificar</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>Verdict summary</source>
        <translation>Resumen del veredicto</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Fundamentación</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>The verdict, from the project&apos;s rating scale</source>
        <translation>El veredicto, según la escala de calificación del proyecto</translation>
    </message>
    <message>
        <source>Sources cited</source>
        <translation>Fuentes citadas</translation>
    </message>
    <message>
        <source>Cite source…</source>
        <translation>Citar fuente…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Source library…</source>
        <translation>Biblioteca de fuentes…</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Enviar a revisión</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Request changes…</source>
        <translation>Pedir cambios…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Send the verdict to an editor: needs a rating, a one-sentence summary, a source and the required tasks</source>
        <translation>Enviar el veredicto a un editor: requiere una calificación, un resumen de una sola frase, una fuente y las tareas obligatorias</translation>
    </message>
    <message>
        <source>Approve the verdict after the checklist ({keys}); not your own</source>
        <translation>Aprobar el veredicto tras la lista de comprobación ({keys}); nunca uno propio</translation>
    </message>
    <message>
        <source>Send it back to the checker with a comment ({keys})</source>
        <translation>Devolverlo al verificador con un comentario ({keys})</translation>
    </message>
    <message>
        <source>Select a claim, or select words in the article and press {keys} to make one.</source>
        <translation>Seleccione una afirmación, o seleccione palabras en el artículo y pulse {keys} para crear una.</translation>
    </message>
    <message>
        <source>Mark the approved verdict as published</source>
        <translation>Marcar el veredicto aprobado como publicado</translation>
    </message>
    <message>
        <source>Claim history</source>
        <translation>Historial de la afirmación</translation>
    </message>
    <message>
        <source>Claim details</source>
        <translation>Detalles de la afirmación</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Afirmación</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>pp. {page}</source>
        <translation>págs. {page}</translation>
    </message>
    <message>
        <source>p. {page}</source>
        <translation>pág. {page}</translation>
    </message>
    <message>
        <source>The article changed under this claim: check that the highlighted words are still what was claimed, then confirm.</source>
        <translation>El artículo cambió bajo esta afirmación: compruebe que las palabras resaltadas siguen siendo lo que se afirmó y luego confirme.</translation>
    </message>
    <message>
        <source>Unanchored: the quoted words are no longer in the article. Select where the claim now is and anchor it.</source>
        <translation>Sin anclar: las palabras citadas ya no están en el artículo. Seleccione dónde está ahora la afirmación y ánclela.</translation>
    </message>
    <message>
        <source>This claim was changed elsewhere while you were typing; it now shows what was saved there. What you wrote was not saved:

{lost}</source>
        <translation>Esta afirmación se modificó en otro lugar mientras escribía; ahora muestra lo que se guardó allí. Lo que escribió no se guardó:

{lost}</translation>
    </message>
    <message>
        <source>Verdict by {who}</source>
        <translation>Veredicto de {who}</translation>
    </message>
    <message>
        <source>submitted by {who}, {when}</source>
        <translation>enviada a revisión por {who}, {when}</translation>
    </message>
    <message>
        <source>approved by {who}, {when}</source>
        <translation>aprobada por {who}, {when}</translation>
    </message>
    <message>
        <source>published by {who}, {when}</source>
        <translation>publicada por {who}, {when}</translation>
    </message>
    <message>
        <source>1 public correction</source>
        <translation>1 corrección pública</translation>
    </message>
    <message numerus="yes">
        <source>%n public corrections</source>
        <translation>
            <numerusform>%n corrección pública</numerusform>
            <numerusform>%n correcciones públicas</numerusform>
        </translation>
    </message>
    <message>
        <source>The project could not be read; try again.</source>
        <translation>No se pudo leer el proyecto; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Changes were requested: see Comments ({n} open). {reason}</source>
        <translation>Se pidieron cambios: vea Comentarios ({n} sin resolver). {reason}</translation>
    </message>
    <message>
        <source>This project is open read-only.</source>
        <translation>Este proyecto está abierto en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Tasks ({done}/{total})</source>
        <translation>Tareas ({done}/{total})</translation>
    </message>
    <message>
        <source>Comments ({n})</source>
        <translation>Comentarios ({n})</translation>
    </message>
    <message>
        <source>{n} characters: statements over {limit} are cut short in search results (ClaimReview).</source>
        <translation>{n} caracteres: los enunciados de más de {limit} aparecen recortados en los resultados de búsqueda (ClaimReview).</translation>
    </message>
    <message>
        <source>{problem}

It now shows what was saved there. What you wrote was not saved:

{lost}</source>
        <translation>{problem}

Ahora muestra lo que se guardó allí. Lo que escribió no se guardó:

{lost}</translation>
    </message>
    <message>
        <source>{problem}

It now shows what was saved there.</source>
        <translation>{problem}

Ahora muestra lo que se guardó allí.</translation>
    </message>
</context>
<context>
    <name>ClaimPanel</name>
    <message>
        <source>Claims</source>
        <translation>Afirmaciones</translation>
    </message>
    <message>
        <source>The claims in the shown article, in the order of the text</source>
        <translation>Las afirmaciones del artículo mostrado, en el orden del texto</translation>
    </message>
    <message>
        <source>Unanchored claims</source>
        <translation>Afirmaciones sin anclar</translation>
    </message>
    <message>
        <source>Unanchored</source>
        <translation>Sin anclar</translation>
    </message>
    <message>
        <source>Claims whose words are no longer in the article. They keep their quote and verdict.</source>
        <translation>Afirmaciones cuyas palabras ya no están en el artículo. Conservan su fragmento y su veredicto.</translation>
    </message>
    <message>
        <source>Delete claim</source>
        <translation>Eliminar afirmación</translation>
    </message>
    <message>
        <source>Unanchored ({n})</source>
        <translation>Sin anclar ({n})</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>Ningún artículo abierto</translation>
    </message>
    <message>
        <source>1 claim</source>
        <translation>1 afirmación</translation>
    </message>
    <message numerus="yes">
        <source>%n claims</source>
        <translation>
            <numerusform>%n afirmación</numerusform>
            <numerusform>%n afirmaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Retracted the verdict on “{quote}”.</source>
        <translation>Se retiró el veredicto sobre «{quote}».</translation>
    </message>
    <message>
        <source>Deleted the claim “{quote}” ({keys} brings it back).</source>
        <translation>Se eliminó la afirmación «{quote}» ({keys} la recupera).</translation>
    </message>
</context>
<context>
    <name>ClaimTableModel</name>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>Verdict: {summary}</source>
        <translation>Veredicto: {summary}</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Seen by the checker as a review comment</source>
        <translation>El verificador lo verá como un comentario de revisión</translation>
    </message>
</context>
<context>
    <name>CommentThreadModel</name>
    <message>
        <source>private note, never exported</source>
        <translation>nota privada, nunca se exporta</translation>
    </message>
    <message>
        <source>resolved by {who}</source>
        <translation>resuelto por {who}</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>{created}
Resolved {resolved}</source>
        <translation>{created}
Resuelto el {resolved}</translation>
    </message>
</context>
<context>
    <name>CommentsWidget</name>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Aún no hay comentarios.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Mark the selected comment and its replies as dealt with (or reopen it)</source>
        <translation>Marcar el comentario seleccionado y sus respuestas como atendidos (o reabrirlo)</translation>
    </message>
    <message>
        <source>Write a review comment, a reply, or a private note…</source>
        <translation>Escriba un comentario de revisión, una respuesta o una nota privada…</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Comentario nuevo</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentar</translation>
    </message>
    <message>
        <source>Add a review comment: the team sees it, and approval waits until it is resolved</source>
        <translation>Añadir un comentario de revisión: el equipo lo ve y la aprobación espera hasta que se resuelva</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Answer the selected comment</source>
        <translation>Responder al comentario seleccionado</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Nota privada</translation>
    </message>
    <message>
        <source>A note for yourself: marked “private note, never exported”</source>
        <translation>Una nota para usted: marcada como “nota privada, nunca se exporta”</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
</context>
<context>
    <name>ConfirmWordsDialog</name>
    <message>
        <source>Confirm changed words</source>
        <translation>Confirmar las palabras cambiadas</translation>
    </message>
    <message>
        <source>The words under this published verdict are not the words it was given for. Confirming them makes them the claim&apos;s quote and sends the claim back to review ({reason}), so the verdict is checked again for the new words. A public correction noting the changed quote is recorded, with your name and the time.</source>
        <translation>Las palabras bajo este veredicto publicado no son aquellas para las que se dio. Confirmarlas las convierte en el fragmento de la afirmación y devuelve la afirmación a revisión ({reason}), para que el veredicto se compruebe de nuevo con las palabras nuevas. Se registra una corrección pública que deja constancia del cambio de fragmento, con su nombre y la hora.</translation>
    </message>
    <message>
        <source>The words under this approved verdict are not the words it was given for. Confirming them makes them the claim&apos;s quote and sends the claim back to review ({reason}), so the verdict is checked again for the new words.</source>
        <translation>Las palabras bajo este veredicto aprobado no son aquellas para las que se dio. Confirmarlas las convierte en el fragmento de la afirmación y devuelve la afirmación a revisión ({reason}), para que el veredicto se compruebe de nuevo con las palabras nuevas.</translation>
    </message>
    <message>
        <source>Words the verdict was given for</source>
        <translation>Palabras sobre las que se dio el veredicto</translation>
    </message>
    <message>
        <source>Words now in the article</source>
        <translation>Palabras que hay ahora en el artículo</translation>
    </message>
    <message>
        <source>Confirm and send back to review</source>
        <translation>Confirmar y devolver a revisión</translation>
    </message>
</context>
<context>
    <name>DemoBannerFrame</name>
    <message>
        <source>Demo project notice</source>
        <translation>Aviso del proyecto de demostración</translation>
    </message>
    <message>
        <source>This is the demo project with example data. File &gt; New project starts your own.</source>
        <translation>Este es el proyecto de demostración, con datos de ejemplo. Archivo &gt; Nuevo proyecto inicia uno propio.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Nuevo proyecto…</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>Start a project of your own (File &gt; New project)</source>
        <translation>Iniciar un proyecto propio (Archivo &gt; Nuevo proyecto)</translation>
    </message>
    <message>
        <source>Hide this notice</source>
        <translation>Ocultar este aviso</translation>
    </message>
    <message>
        <source>Hide the demo notice</source>
        <translation>Ocultar el aviso de demostración</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Adjuntar evidencias</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The claim cites several sources. Attach the files to:</source>
        <translation>La afirmación cita varias fuentes. Adjuntar los archivos a:</translation>
    </message>
    <message>
        <source>Attached {file} to the source “{source}”.</source>
        <translation>Se adjuntó {file} a la fuente «{source}».</translation>
    </message>
    <message>
        <source>Attached {n} files to the source “{source}”: {files}.</source>
        <translation>Se adjuntaron {n} archivos a la fuente «{source}»: {files}.</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Archivos de evidencia</translation>
    </message>
    <message>
        <source>Attac&amp;h…</source>
        <translation>Ad&amp;juntar…</translation>
    </message>
    <message>
        <source>Attach files kept as evidence (or drop them on the list)</source>
        <translation>Adjuntar archivos que se guardan como evidencia (o soltarlos en la lista)</translation>
    </message>
    <message>
        <source>Paste scr&amp;eenshot</source>
        <translation>P&amp;egar captura</translation>
    </message>
    <message>
        <source>Attach the picture on the clipboard as a PNG file</source>
        <translation>Adjuntar la imagen del portapapeles como archivo PNG</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open a read-only copy in the program your system uses for it</source>
        <translation>Abrir una copia de solo lectura en el programa que su sistema usa para ese tipo de archivo</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the file from this list (Undo brings it back)</source>
        <translation>Quitar el archivo de esta lista (Deshacer lo recupera)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Its source has a file of its own: Sources &gt; Source library… &gt; Edit… shows it.</source>
        <translation>Su fuente tiene un archivo propio: Fuentes &gt; Biblioteca de fuentes… &gt; Editar… lo muestra.</translation>
    </message>
    <message>
        <source>Its source has {n} files of its own: Sources &gt; Source library… &gt; Edit… shows them.</source>
        <translation>Su fuente tiene {n} archivos propios: Fuentes &gt; Biblioteca de fuentes… &gt; Editar… los muestra.</translation>
    </message>
    <message>
        <source>{name} · {size}</source>
        <translation>{name} · {size}</translation>
    </message>
    <message>
        <source>{file} (not in this copy)</source>
        <translation>{file} (no está en esta copia)</translation>
    </message>
    <message>
        <source>SHA-256: {sha}</source>
        <translation>SHA-256: {sha}</translation>
    </message>
    <message>
        <source>Type: {mime}</source>
        <translation>Tipo: {mime}</translation>
    </message>
    <message>
        <source>Attached by {who} on {when}</source>
        <translation>Adjuntado por {who} el {when}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
    <message>
        <source>Once it is saved, select it in the claim&apos;s Sources table and press Edit… to attach its files (the source&apos;s own: File &gt; Attach evidence…).</source>
        <translation>Una vez guardada, selecciónela en la tabla Fuentes de la afirmación y pulse Editar… para adjuntar sus archivos (los de la propia fuente: Archivo &gt; Adjuntar evidencias…).</translation>
    </message>
    <message>
        <source>Once it is added, attach its files from Sources &gt; Source library… &gt; Edit…, or with File &gt; Attach evidence… on a claim that cites it.</source>
        <translation>Una vez añadida, adjunte sus archivos desde Fuentes &gt; Biblioteca de fuentes… &gt; Editar…, o con Archivo &gt; Adjuntar evidencias… en una afirmación que la cite.</translation>
    </message>
    <message>
        <source>No files yet. Attach PDFs, screenshots, saved pages or recordings: drop them here, or paste a screenshot.</source>
        <translation>Todavía no hay archivos. Adjunte PDF, capturas de pantalla, páginas guardadas o grabaciones: suéltelos aquí o pegue una captura.</translation>
    </message>
    <message>
        <source>Kept in the project with their SHA-256; attaching takes effect at once (Edit &gt; Undo takes it back).</source>
        <translation>Se guardan en el proyecto con su SHA-256; adjuntar tiene efecto al instante (Edición &gt; Deshacer lo revierte).</translation>
    </message>
    <message>
        <source>Select a file to see it here.</source>
        <translation>Seleccione un archivo para verlo aquí.</translation>
    </message>
    <message>
        <source>This file is not in this copy of the project yet: merge the copy it was attached in, or ask for a hand-off.</source>
        <translation>Este archivo todavía no está en esta copia del proyecto: fusione la copia en la que se adjuntó o pida un archivo de cambios.</translation>
    </message>
    <message>
        <source>No preview for this kind of file ({mime}). Open shows it.</source>
        <translation>No hay vista previa para este tipo de archivo ({mime}). Abrir lo muestra.</translation>
    </message>
    <message>
        <source>Too large to preview. Open shows it.</source>
        <translation>Demasiado grande para la vista previa. Abrir lo muestra.</translation>
    </message>
    <message>
        <source>This picture cannot be shown here. Open shows it.</source>
        <translation>Esta imagen no se puede mostrar aquí. Abrir la muestra.</translation>
    </message>
    <message>
        <source>The preview will show once the import under way ends.</source>
        <translation>La vista previa aparecerá cuando termine la importación en curso.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown here (damaged, or protected by a password). Open shows it.</source>
        <translation>Este PDF no se puede mostrar aquí (está dañado o protegido con contraseña). Abrir lo muestra.</translation>
    </message>
    <message>
        <source>This saved page holds no HTML to show. Open shows it.</source>
        <translation>Esta página guardada no contiene HTML que mostrar. Abrir la muestra.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Evidence files (a zip with their SHA-256 sums)</source>
        <translation>Archivos de evidencia (un zip con sus sumas SHA-256)</translation>
    </message>
    <message>
        <source>Articles to export</source>
        <translation>Artículos que exportar</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artículo sin título</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Include confidential sources (internal use only)</source>
        <translation>Incluir fuentes confidenciales (solo para uso interno)</translation>
    </message>
    <message>
        <source>The file will name confidential sources and quote them. Use it inside the newsroom only: never publish it or send it to anyone outside.</source>
        <translation>El archivo nombrará fuentes confidenciales y las citará. Úselo solo dentro de la redacción: nunca lo publique ni lo envíe a nadie de fuera.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Claims with the status</source>
        <translation>Afirmaciones con el estado</translation>
    </message>
    <message>
        <source>Choose at least one article.</source>
        <translation>Elija al menos un artículo.</translation>
    </message>
    <message>
        <source>Choose at least one status.</source>
        <translation>Elija al menos un estado.</translation>
    </message>
    <message>
        <source>No claims in the chosen articles have these statuses: nothing to export.</source>
        <translation>Ninguna afirmación de los artículos elegidos tiene estos estados: no hay nada que exportar.</translation>
    </message>
    <message>
        <source>1 claim from 1 article will be exported.</source>
        <translation>Se exportará 1 afirmación de 1 artículo.</translation>
    </message>
    <message>
        <source>1 claim from {articles} articles will be exported.</source>
        <translation>Se exportará 1 afirmación de {articles} artículos.</translation>
    </message>
    <message>
        <source>{n} claims from 1 article will be exported.</source>
        <translation>Se exportarán {n} afirmaciones de 1 artículo.</translation>
    </message>
    <message>
        <source>{n} claims from {articles} articles will be exported.</source>
        <translation>Se exportarán {n} afirmaciones de {articles} artículos.</translation>
    </message>
    <message>
        <source>No evidence files are attached to these articles&apos; claims: nothing to export.</source>
        <translation>No hay archivos de evidencia adjuntos a las afirmaciones de estos artículos: nada que exportar.</translation>
    </message>
    <message>
        <source>1 evidence file ({size}) will be exported, with its SHA-256 sum.</source>
        <translation>Se exportará 1 archivo de evidencia ({size}), con su suma SHA-256.</translation>
    </message>
    <message>
        <source>{n} evidence files ({size}) will be exported, with their SHA-256 sums.</source>
        <translation>Se exportarán {n} archivos de evidencia ({size}), con sus sumas SHA-256.</translation>
    </message>
    <message>
        <source>Files of {n} confidential source(s) are left out.</source>
        <translation>Se omiten los archivos de {n} fuente(s) confidencial(es).</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Escribiendo {name}…</translation>
    </message>
</context>
<context>
    <name>ExportedMessageBox</name>
    <message>
        <source>Exported, with warnings</source>
        <translation>Exportado, con advertencias</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Open {name} with the program your system uses for it</source>
        <translation>Abrir {name} con el programa que su sistema usa para ese tipo de archivo</translation>
    </message>
    <message>
        <source>Open the folder {folder}</source>
        <translation>Abrir la carpeta {folder}</translation>
    </message>
    <message>
        <source>Wrote 1 evidence file ({size}), with SHA256SUMS, to
{file}
in {folder}</source>
        <translation>Se escribió 1 archivo de evidencia ({size}), con SHA256SUMS, en
{file}
en {folder}</translation>
    </message>
    <message>
        <source>Wrote {files} evidence files ({size}), with SHA256SUMS, to
{file}
in {folder}</source>
        <translation>Se escribieron {files} archivos de evidencia ({size}), con SHA256SUMS, en
{file}
en {folder}</translation>
    </message>
    <message>
        <source>Wrote 1 claim from 1 article to
{file}
in {folder}</source>
        <translation>Se guardó 1 afirmación de 1 artículo en
{file}
en la carpeta {folder}</translation>
    </message>
    <message>
        <source>Wrote 1 claim from {articles} articles to
{file}
in {folder}</source>
        <translation>Se guardó 1 afirmación de {articles} artículos en
{file}
en la carpeta {folder}</translation>
    </message>
    <message>
        <source>Wrote {n} claims from 1 article to
{file}
in {folder}</source>
        <translation>Se guardaron {n} afirmaciones de 1 artículo en
{file}
en la carpeta {folder}</translation>
    </message>
    <message>
        <source>Wrote {n} claims from {articles} articles to
{file}
in {folder}</source>
        <translation>Se guardaron {n} afirmaciones de {articles} artículos en
{file}
en la carpeta {folder}</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…y {n} más.</translation>
    </message>
    <message>
        <source>Worth a look:

{warnings}</source>
        <translation>Conviene revisar:

{warnings}</translation>
    </message>
    <message>
        <source>No program could be started to open {name}.</source>
        <translation>No se pudo iniciar ningún programa para abrir {name}.</translation>
    </message>
    <message>
        <source>No program could be started to open the folder {folder}.</source>
        <translation>No se pudo iniciar ningún programa para abrir la carpeta {folder}.</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>No se abrió</translation>
    </message>
</context>
<context>
    <name>FigureWidget</name>
    <message>
        <source>{caption}: {value}</source>
        <translation>{caption}: {value}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>Buscar en el artículo</translation>
    </message>
    <message>
        <source>Previous match ({shortcut})</source>
        <translation>Coincidencia anterior ({shortcut})</translation>
    </message>
    <message>
        <source>Next match ({shortcut})</source>
        <translation>Coincidencia siguiente ({shortcut})</translation>
    </message>
    <message>
        <source>Close ({shortcut})</source>
        <translation>Cerrar ({shortcut})</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} de {total}</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>{time} (event {seq})</source>
        <translation>{time} (evento {seq})</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
</context>
<context>
    <name>ImportMetadataDialog</name>
    <message>
        <source>Import article</source>
        <translation>Importar artículo</translation>
    </message>
    <message>
        <source>Importing &lt;b&gt;{name}&lt;/b&gt;. Check what was found in the file and fill in what is missing; you can change it later in Article &amp;gt; Properties.</source>
        <translation>Importando &lt;b&gt;{name}&lt;/b&gt;. Compruebe lo que se encontró en el archivo y complete lo que falte; puede cambiarlo más tarde en Artículo &amp;gt; Propiedades.</translation>
    </message>
    <message>
        <source>Default: {name}</source>
        <translation>Por defecto: {name}</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>That password did not open “{name}”. Try again:</source>
        <translation>Esa contraseña no abrió «{name}». Pruebe de nuevo:</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password. Enter it to open the file:</source>
        <translation>«{name}» está protegido con contraseña. Escríbala para abrir el archivo:</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>Importando {name}</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Reading page {page} of {total}…</source>
        <translation>Leyendo la página {page} de {total}…</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>Link not opened</source>
        <translation>Enlace no abierto</translation>
    </message>
    <message>
        <source>No web browser could be started to open this link.</source>
        <translation>No se pudo iniciar ningún navegador web para abrir este enlace.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>The project&apos;s articles; the chosen one is shown with its claims</source>
        <translation>Los artículos del proyecto; el elegido se muestra con sus afirmaciones</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Afirmaciones</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Open a project (File &gt; Open project) or create one (File &gt; New project).</source>
        <translation>Abra un proyecto (Archivo &gt; Abrir proyecto) o cree uno (Archivo &gt; Nuevo proyecto).</translation>
    </message>
    <message>
        <source>History check failed</source>
        <translation>Falló la comprobación del historial</translation>
    </message>
    <message>
        <source>In the background, factcheck makes the day&apos;s first backup of the project, then checks its recorded history: all of it the first time this computer opens the file and once a day, otherwise what changed since. Keep working; you will be told if something is wrong.</source>
        <translation>En segundo plano, factcheck hace la primera copia de seguridad del día del proyecto y después comprueba su historial registrado: entero la primera vez que este ordenador abre el archivo y una vez al día; si no, lo que cambió desde entonces. Puede seguir trabajando; se le avisará si algo está mal.</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>&amp;Import article…</source>
        <translation>&amp;Importar artículo…</translation>
    </message>
    <message>
        <source>Import a text, Markdown or saved web page file</source>
        <translation>Importar un archivo de texto, de Markdown o una página web guardada</translation>
    </message>
    <message>
        <source>&amp;Paste article…</source>
        <translation>&amp;Pegar artículo…</translation>
    </message>
    <message>
        <source>Import pasted text as a new article</source>
        <translation>Importar texto pegado como un artículo nuevo</translation>
    </message>
    <message>
        <source>Import &amp;annotations…</source>
        <translation>Importar an&amp;otaciones…</translation>
    </message>
    <message>
        <source>Import claims from a W3C Web Annotation file (one undo removes them all)</source>
        <translation>Importar afirmaciones de un archivo W3C Web Annotation (un solo deshacer las quita todas)</translation>
    </message>
    <message>
        <source>Attach e&amp;vidence…</source>
        <translation>Adjuntar e&amp;videncias…</translation>
    </message>
    <message>
        <source>Keep files (PDFs, screenshots, saved pages, recordings) with the source the selected claim cites</source>
        <translation>Guardar archivos (PDF, capturas, páginas guardadas, grabaciones) con la fuente que cita la afirmación seleccionada</translation>
    </message>
    <message>
        <source>&amp;Merge project…</source>
        <translation>&amp;Fusionar proyecto…</translation>
    </message>
    <message>
        <source>Bring in the work of another copy of this project, choosing where both copies changed</source>
        <translation>Traer el trabajo de otra copia de este proyecto, eligiendo dónde cambiaron las dos copias</translation>
    </message>
    <message>
        <source>Send &amp;changes…</source>
        <translation>Enviar &amp;cambios…</translation>
    </message>
    <message>
        <source>Write what another copy of this project lacks to a small file, to e-mail or carry</source>
        <translation>Escribir lo que le falta a otra copia de este proyecto en un archivo pequeño, para enviarlo por correo o llevarlo</translation>
    </message>
    <message>
        <source>Save a copy to &amp;file…</source>
        <translation>&amp;Guardar una copia en un archivo…</translation>
    </message>
    <message>
        <source>Write a complete, checked copy of the open project to a new file (copying the project&apos;s file while it is open can leave out the latest changes)</source>
        <translation>Escribir una copia completa y comprobada del proyecto abierto en un archivo nuevo (copiar el archivo del proyecto mientras está abierto puede dejar fuera los últimos cambios)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>&amp;Buscar en el artículo…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>Buscar an&amp;terior</translation>
    </message>
    <message>
        <source>New &amp;claim from selection</source>
        <translation>Nueva &amp;afirmación a partir de la selección</translation>
    </message>
    <message>
        <source>Make a claim from the words selected in the article</source>
        <translation>Crear una afirmación con las palabras seleccionadas en el artículo</translation>
    </message>
    <message>
        <source>&amp;Delete claim</source>
        <translation>&amp;Eliminar afirmación</translation>
    </message>
    <message>
        <source>Delete the selected claim (undo brings it back); a signed-off verdict is retracted, with a reason</source>
        <translation>Eliminar la afirmación seleccionada (deshacer la recupera); un veredicto ya aprobado se retira, con un motivo</translation>
    </message>
    <message>
        <source>Source &amp;library…</source>
        <translation>&amp;Biblioteca de fuentes…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Export reports of the project&apos;s verdicts</source>
        <translation>Exportar informes de los veredictos del proyecto</translation>
    </message>
    <message>
        <source>Res&amp;tore from backup…</source>
        <translation>Res&amp;taurar desde copia de seguridad…</translation>
    </message>
    <message>
        <source>Open one of the project&apos;s backups as a new file</source>
        <translation>Abrir una de las copias de seguridad del proyecto como un archivo nuevo</translation>
    </message>
    <message>
        <source>&amp;Submit for review</source>
        <translation>&amp;Enviar a revisión</translation>
    </message>
    <message>
        <source>Send the claim&apos;s verdict to an editor</source>
        <translation>Enviar el veredicto de la afirmación a un editor</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <source>Approve the claim, or the claims selected in the review queue, after the checklist</source>
        <translation>Aprobar la afirmación, o las afirmaciones seleccionadas en la cola de revisión, tras la lista de comprobación</translation>
    </message>
    <message>
        <source>Request &amp;changes…</source>
        <translation>Pedir &amp;cambios…</translation>
    </message>
    <message>
        <source>Send the verdict back to its checker with a comment</source>
        <translation>Devolver el veredicto a su verificador con un comentario</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>Mark the approved verdict as published</source>
        <translation>Marcar el veredicto aprobado como publicado</translation>
    </message>
    <message>
        <source>Show review &amp;queue</source>
        <translation>Mostrar la c&amp;ola de revisión</translation>
    </message>
    <message>
        <source>Claims waiting for a decision, across every article</source>
        <translation>Afirmaciones pendientes de una decisión, en todos los artículos</translation>
    </message>
    <message>
        <source>&amp;About factcheck</source>
        <translation>A&amp;cerca de factcheck</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Every shortcut of the app, from its actions</source>
        <translation>Todos los atajos de la aplicación, tomados de sus acciones</translation>
    </message>
    <message>
        <source>Next &amp;pane</source>
        <translation>&amp;Panel siguiente</translation>
    </message>
    <message>
        <source>Articles, article, claims, inspector, review queue</source>
        <translation>Artículos, artículo, afirmaciones, inspector, cola de revisión</translation>
    </message>
    <message>
        <source>Previous pa&amp;ne</source>
        <translation>Panel an&amp;terior</translation>
    </message>
    <message>
        <source>Review queue, inspector, claims, article, articles</source>
        <translation>Cola de revisión, inspector, afirmaciones, artículo, artículos</translation>
    </message>
    <message>
        <source>Project &amp;settings…</source>
        <translation>A&amp;justes del proyecto…</translation>
    </message>
    <message>
        <source>The organisation, its logo and methodology, the rating scale, four-eyes, fact-check URLs, report language and verification tasks</source>
        <translation>La organización, su logotipo y su metodología, la escala de calificación, la regla de los cuatro ojos, las URL de las verificaciones, el idioma de los informes y las tareas de verificación</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Propiedades…</translation>
    </message>
    <message>
        <source>The article&apos;s title, outlet, author, URL, date, language and published fact-check URL</source>
        <translation>Título, medio, autor, URL, fecha e idioma del artículo, y la URL de su verificación publicada</translation>
    </message>
    <message>
        <source>&amp;Compare versions…</source>
        <translation>&amp;Comparar versiones…</translation>
    </message>
    <message>
        <source>Two versions of the article side by side, the changed words marked (an article with more than one)</source>
        <translation>Dos versiones del artículo lado a lado, con las palabras cambiadas marcadas (en un artículo con más de una)</translation>
    </message>
    <message>
        <source>S&amp;tatistics…</source>
        <translation>E&amp;stadísticas…</translation>
    </message>
    <message>
        <source>Claims by rating, status, checker and article; days to publish; open requests</source>
        <translation>Afirmaciones por calificación, estado, verificador y artículo; días hasta la publicación; solicitudes abiertas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>Artí&amp;culo</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Fuentes</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Deshacer {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Rehacer {action}</translation>
    </message>
    <message>
        <source>The project is open read-only: no decision can be written to it.</source>
        <translation>El proyecto está abierto en modo de solo lectura: no se puede escribir en él ninguna decisión.</translation>
    </message>
    <message>
        <source>{action} (the claims selected in the review queue)</source>
        <translation>{action} (las afirmaciones seleccionadas en la cola de revisión)</translation>
    </message>
    <message>
        <source>Select a claim first, in the claim list or the review queue.</source>
        <translation>Seleccione primero una afirmación, en la lista de afirmaciones o en la cola de revisión.</translation>
    </message>
    <message>
        <source>{name} – factcheck (read-only)</source>
        <translation>{name} – factcheck (solo lectura)</translation>
    </message>
    <message>
        <source>{name} – factcheck</source>
        <translation>{name} – factcheck</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>Checking the history… {percent}%</source>
        <translation>Comprobando el historial… {percent} %</translation>
    </message>
    <message>
        <source>Making the day&apos;s backup of the project…</source>
        <translation>Haciendo la copia de seguridad del día del proyecto…</translation>
    </message>
    <message>
        <source>The whole history was checked: {verdict}</source>
        <translation>Se comprobó todo el historial: {verdict}</translation>
    </message>
    <message>
        <source>{title} – History check failed</source>
        <translation>{title} – Falló la comprobación del historial</translation>
    </message>
    <message>
        <source>{verdict}

The project is open and can be used as usual, but part of the project was changed outside factcheck: what it holds there differs from its recorded history, so check those verdicts before publishing them.</source>
        <translation>{verdict}

El proyecto está abierto y se puede usar como siempre, pero una parte de él se modificó fuera de factcheck: lo que contiene allí difiere de su historial registrado, así que compruebe esos veredictos antes de publicarlos.</translation>
    </message>
    <message>
        <source>{verdict}

The project is open and can be used as usual, but its history of changes was edited outside factcheck: from that event on, the record of who changed what cannot be trusted.</source>
        <translation>{verdict}

El proyecto está abierto y se puede usar como siempre, pero su historial de cambios se editó fuera de factcheck: a partir de ese evento, el registro de quién cambió qué no es fiable.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Find in article</source>
        <translation>Buscar en el artículo</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Open a project to see the claims waiting for review.</source>
        <translation>Abra un proyecto para ver las afirmaciones pendientes de revisión.</translation>
    </message>
    <message>
        <source>Select the claim&apos;s words in the article first.</source>
        <translation>Seleccione primero en el artículo las palabras de la afirmación.</translation>
    </message>
    <message>
        <source>That claim has been deleted.</source>
        <translation>Esa afirmación se ha eliminado.</translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation>Enviada a revisión</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Sent back with your comment</source>
        <translation>Devuelta con su comentario</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicada</translation>
    </message>
    <message>
        <source>Saved a complete copy to {path}</source>
        <translation>Copia completa guardada en {path}</translation>
    </message>
    <message>
        <source>Export is not available in this build of factcheck.</source>
        <translation>La exportación no está disponible en esta compilación de factcheck.</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado a {path}</translation>
    </message>
    <message>
        <source>Select the claim&apos;s words in the article first, then click Anchor to selection.</source>
        <translation>Seleccione primero en el artículo las palabras de la afirmación y luego pulse Anclar a la selección.</translation>
    </message>
    <message>
        <source>{name}: {notices}</source>
        <translation>{name}: {notices}</translation>
    </message>
    <message>
        <source>{name}: {error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <source>Not imported:
{files}</source>
        <translation>No importados:
{files}</translation>
    </message>
    <message>
        <source>Cannot read {name}: {error}.</source>
        <translation>No se puede leer {name}: {error}.</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Importar anotaciones</translation>
    </message>
    <message>
        <source>Changes for {partner} saved to {name}.</source>
        <translation>Cambios para {partner} guardados en {name}.</translation>
    </message>
    <message>
        <source>Merged 1 change from {name}.</source>
        <translation>Se fusionó 1 cambio de {name}.</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n changes from {name}.</source>
        <translation>
            <numerusform>Se fusionó %n cambio de {name}.</numerusform>
            <numerusform>Se fusionaron %n cambios de {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approvals lapsed</source>
        <translation>Aprobaciones sin efecto</translation>
    </message>
    <message>
        <source>The merge sent 1 signed-off verdict back to review:</source>
        <translation>La fusión devolvió a revisión 1 veredicto aprobado:</translation>
    </message>
    <message numerus="yes">
        <source>The merge sent %n signed-off verdicts back to review:</source>
        <translation>
            <numerusform>La fusión devolvió a revisión %n veredicto aprobado:</numerusform>
            <numerusform>La fusión devolvió a revisión %n veredictos aprobados:</numerusform>
        </translation>
    </message>
    <message>
        <source>• “{words}” (was {status}): {reason}</source>
        <translation>• «{words}» (estaba {status}): {reason}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Guardado a las {time}</translation>
    </message>
    <message>
        <source>Working as {name}</source>
        <translation>Trabajando como {name}</translation>
    </message>
    <message>
        <source>Every change is recorded in this name. Edit &gt; Your name… changes it.</source>
        <translation>Cada cambio se registra con este nombre. Edición &gt; Su nombre… lo cambia.</translation>
    </message>
    <message>
        <source>Working as {name} (this session only)</source>
        <translation>Trabajando como {name} (solo en esta sesión)</translation>
    </message>
    <message>
        <source>Given with --user or FACTCHECK_USER for this run; the saved name is unchanged. Edit &gt; Your name… changes the saved name.</source>
        <translation>Indicado con --user o FACTCHECK_USER para esta ejecución; el nombre guardado no cambia. Edición &gt; Su nombre… cambia el nombre guardado.</translation>
    </message>
    <message>
        <source>About factcheck</source>
        <translation>Acerca de factcheck</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>factcheck {version}</source>
        <translation>factcheck {version}</translation>
    </message>
    <message>
        <source>An offline workbench for fact-checkers.</source>
        <translation>Un banco de trabajo sin conexión para verificadores.</translation>
    </message>
    <message>
        <source>Built from commit {commit}</source>
        <translation>Compilado a partir del commit {commit}</translation>
    </message>
    <message>
        <source>Built on {date}</source>
        <translation>Compilado el {date}</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt} (PySide6 {pyside})</source>
        <translation>Python {python}, Qt {qt} (PySide6 {pyside})</translation>
    </message>
    <message>
        <source>Save a copy of the project</source>
        <translation>Guardar una copia del proyecto</translation>
    </message>
    <message>
        <source>Articles ({patterns});;All files (*)</source>
        <translation>Artículos ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>Your na&amp;me…</source>
        <translation>Su &amp;nombre…</translation>
    </message>
    <message>
        <source>The article&apos;s text: select a claim&apos;s words and press {keys}</source>
        <translation>El texto del artículo: seleccione las palabras de una afirmación y pulse {keys}</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>Import article</source>
        <translation>Importar artículo</translation>
    </message>
    <message>
        <source>“{name}” is already in this project.</source>
        <translation>«{name}» ya está en este proyecto.</translation>
    </message>
    <message>
        <source>This text is already in this project.</source>
        <translation>Este texto ya está en este proyecto.</translation>
    </message>
    <message>
        <source>It was imported on {when} as the article “{title}”. Importing it again makes a second, separate copy: claims marked on one copy do not show on the other.</source>
        <translation>Se importó el {when} como el artículo «{title}». Importarlo de nuevo crea una segunda copia aparte: las afirmaciones marcadas en una copia no aparecen en la otra.</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>Ya importado</translation>
    </message>
    <message>
        <source>Import as a new article</source>
        <translation>Importar como artículo nuevo</translation>
    </message>
    <message>
        <source>Open the existing article</source>
        <translation>Abrir el artículo existente</translation>
    </message>
    <message>
        <source>Web Annotation files (*.jsonld *.json);;All files (*)</source>
        <translation>Archivos Web Annotation (*.jsonld *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Merge project</source>
        <translation>Fusionar proyecto</translation>
    </message>
    <message>
        <source>factcheck projects and hand-off files (*.factcheck *.factcheck-changes);;All files (*)</source>
        <translation>Proyectos de factcheck y archivos de cambios (*.factcheck *.factcheck-changes);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>factcheck projects (*{suffix});;All files (*)</source>
        <translation>Proyectos de factcheck (*{suffix});;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more lines (Show Details…).</source>
        <translation>
            <numerusform>… y %n línea más (Mostrar los detalles…).</numerusform>
            <numerusform>… y %n líneas más (Mostrar los detalles…).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Colores</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Idioma del sistema ({language})</translation>
    </message>
    <message>
        <source>factcheck will follow the system&apos;s language ({language}) the next time it starts.</source>
        <translation>factcheck seguirá el idioma del sistema ({language}) la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>factcheck will be shown in {language} the next time it starts.</source>
        <translation>factcheck se mostrará en {language} la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>“{text}”</source>
        <translation>«{text}»</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservado</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Keep here</source>
        <translation>Conservar el de aquí</translation>
    </message>
    <message>
        <source>Take there</source>
        <translation>Tomar el de allí</translation>
    </message>
    <message>
        <source>Edit:</source>
        <translation>Editar:</translation>
    </message>
    <message>
        <source>Type a value</source>
        <translation>Escriba un valor</translation>
    </message>
    <message>
        <source>Merge back to {name}</source>
        <translation>Fusionar con {name}</translation>
    </message>
    <message>
        <source>Merge {name}</source>
        <translation>Fusionar {name}</translation>
    </message>
    <message>
        <source>1 change would come in from the shared file {name}.</source>
        <translation>Llegaría 1 cambio del archivo compartido {name}.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes would come in from the shared file {name}.</source>
        <translation>
            <numerusform>Llegaría %n cambio del archivo compartido {name}.</numerusform>
            <numerusform>Llegarían %n cambios del archivo compartido {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change would come in from {name}.</source>
        <translation>Llegaría 1 cambio de {name}.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes would come in from {name}.</source>
        <translation>
            <numerusform>Llegaría %n cambio de {name}.</numerusform>
            <numerusform>Llegarían %n cambios de {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the other copy changed since they parted: its changes are added as they are.</source>
        <translation>Solo cambió la otra copia desde que se separaron: sus cambios se añaden tal cual.</translation>
    </message>
    <message>
        <source>Your local copy holds 1 change the shared file does not have; it goes to the shared file.</source>
        <translation>Su copia local tiene 1 cambio que el archivo compartido no tiene; se enviará al archivo compartido.</translation>
    </message>
    <message numerus="yes">
        <source>Your local copy holds %n changes the shared file does not have; they go to the shared file.</source>
        <translation>
            <numerusform>Su copia local tiene %n cambio que el archivo compartido no tiene; se enviará al archivo compartido.</numerusform>
            <numerusform>Su copia local tiene %n cambios que el archivo compartido no tiene; se enviarán al archivo compartido.</numerusform>
        </translation>
    </message>
    <message>
        <source>This copy holds 1 change the other copy does not have; it stays.</source>
        <translation>Esta copia tiene 1 cambio que la otra copia no tiene; se mantiene.</translation>
    </message>
    <message numerus="yes">
        <source>This copy holds %n changes the other copy does not have; they stay.</source>
        <translation>
            <numerusform>Esta copia tiene %n cambio que la otra copia no tiene; se mantiene.</numerusform>
            <numerusform>Esta copia tiene %n cambios que la otra copia no tiene; se mantienen.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 conflict: changed differently in both copies. Keep the value here, take the one there, or type another.</source>
        <translation>1 conflicto: se cambió de forma distinta en las dos copias. Conserve el valor de aquí, tome el de allí o escriba otro.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts: changed differently in both copies. For each, keep the value here, take the one there, or type another.</source>
        <translation>
            <numerusform>%n conflicto: se cambió de forma distinta en las dos copias. Conserve el valor de aquí, tome el de allí o escriba otro.</numerusform>
            <numerusform>%n conflictos: se cambiaron de forma distinta en las dos copias. En cada uno, conserve el valor de aquí, tome el de allí o escriba otro.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts: nothing was changed differently in both copies.</source>
        <translation>Sin conflictos: nada se cambió de forma distinta en las dos copias.</translation>
    </message>
    <message>
        <source>Keep all &amp;here</source>
        <translation>Conservar todo a&amp;quí</translation>
    </message>
    <message>
        <source>Take all &amp;there</source>
        <translation>Tomar todo de a&amp;llí</translation>
    </message>
    <message>
        <source>Nothing is written to either file until you press Merge.</source>
        <translation>No se escribe nada en ninguno de los dos archivos hasta que pulse Fusionar.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionar</translation>
    </message>
    <message>
        <source>1 change to articles</source>
        <translation>1 cambio en artículos</translation>
    </message>
    <message numerus="yes">
        <source>%n changes to articles</source>
        <translation>
            <numerusform>%n cambio en artículos</numerusform>
            <numerusform>%n cambios en artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change to claims</source>
        <translation>1 cambio en afirmaciones</translation>
    </message>
    <message numerus="yes">
        <source>%n changes to claims</source>
        <translation>
            <numerusform>%n cambio en afirmaciones</numerusform>
            <numerusform>%n cambios en afirmaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change to citations</source>
        <translation>1 cambio en citas</translation>
    </message>
    <message numerus="yes">
        <source>%n changes to citations</source>
        <translation>
            <numerusform>%n cambio en citas</numerusform>
            <numerusform>%n cambios en citas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change to sources</source>
        <translation>1 cambio en fuentes</translation>
    </message>
    <message numerus="yes">
        <source>%n changes to sources</source>
        <translation>
            <numerusform>%n cambio en fuentes</numerusform>
            <numerusform>%n cambios en fuentes</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change to comments</source>
        <translation>1 cambio en comentarios</translation>
    </message>
    <message numerus="yes">
        <source>%n changes to comments</source>
        <translation>
            <numerusform>%n cambio en comentarios</numerusform>
            <numerusform>%n cambios en comentarios</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change to verification tasks</source>
        <translation>1 cambio en tareas de verificación</translation>
    </message>
    <message numerus="yes">
        <source>%n changes to verification tasks</source>
        <translation>
            <numerusform>%n cambio en tareas de verificación</numerusform>
            <numerusform>%n cambios en tareas de verificación</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change to project settings</source>
        <translation>1 cambio en los ajustes del proyecto</translation>
    </message>
    <message numerus="yes">
        <source>%n changes to project settings</source>
        <translation>
            <numerusform>%n cambio en los ajustes del proyecto</numerusform>
            <numerusform>%n cambios en los ajustes del proyecto</numerusform>
        </translation>
    </message>
    <message>
        <source>1 earlier merge</source>
        <translation>1 fusión anterior</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier merges</source>
        <translation>
            <numerusform>%n fusión anterior</numerusform>
            <numerusform>%n fusiones anteriores</numerusform>
        </translation>
    </message>
    <message>
        <source>1 other change</source>
        <translation>1 cambio de otro tipo</translation>
    </message>
    <message numerus="yes">
        <source>%n other changes</source>
        <translation>
            <numerusform>%n cambio de otro tipo</numerusform>
            <numerusform>%n cambios de otro tipo</numerusform>
        </translation>
    </message>
    <message>
        <source>Here (your local copy)</source>
        <translation>Aquí (su copia local)</translation>
    </message>
    <message>
        <source>There (the shared file)</source>
        <translation>Allí (el archivo compartido)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>Here (this copy)</source>
        <translation>Aquí (esta copia)</translation>
    </message>
    <message>
        <source>There ({name})</source>
        <translation>Allí ({name})</translation>
    </message>
    <message>
        <source>Or type a value</source>
        <translation>O escriba un valor</translation>
    </message>
    <message>
        <source>{what}: keep {value}</source>
        <translation>{what}: conservar {value}</translation>
    </message>
    <message>
        <source>{what}: take {value}</source>
        <translation>{what}: tomar {value}</translation>
    </message>
    <message>
        <source>Typed value for {what}</source>
        <translation>Valor escrito para {what}</translation>
    </message>
    <message>
        <source>(pick one copy&apos;s)</source>
        <translation>(elija el de una copia)</translation>
    </message>
    <message>
        <source>This cannot be typed in: keep the value here or take the one there.</source>
        <translation>No se puede escribir a mano: conserve el valor de aquí o tome el de allí.</translation>
    </message>
    <message>
        <source>Claim: {field}</source>
        <translation>Afirmación: {field}</translation>
    </message>
    <message>
        <source>Source: {field}</source>
        <translation>Fuente: {field}</translation>
    </message>
    <message>
        <source>Article: {field}</source>
        <translation>Artículo: {field}</translation>
    </message>
    <message>
        <source>Citation: {field}</source>
        <translation>Cita: {field}</translation>
    </message>
    <message>
        <source>Comment: {field}</source>
        <translation>Comentario: {field}</translation>
    </message>
    <message>
        <source>Verification task: {field}</source>
        <translation>Tarea de verificación: {field}</translation>
    </message>
    <message>
        <source>Project setting: {field}</source>
        <translation>Ajuste del proyecto: {field}</translation>
    </message>
    <message>
        <source>{words} in version {number} (imported by {who})</source>
        <translation>{words} en la versión {number} (importada por {who})</translation>
    </message>
    <message>
        <source>{source}, cited for {claim}</source>
        <translation>{source}, citada para {claim}</translation>
    </message>
    <message>
        <source>&amp;Merge (1 conflict left)</source>
        <translation>&amp;Fusionar (falta 1 conflicto)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Merge (%n conflicts left)</source>
        <translation>
            <numerusform>&amp;Fusionar (falta %n conflicto)</numerusform>
            <numerusform>&amp;Fusionar (faltan %n conflictos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation>No se fusionó</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>factcheck writes this name on every change you make from now on. Changes already made keep the name they were made in.</source>
        <translation>factcheck escribe este nombre en cada cambio que haga a partir de ahora. Los cambios ya hechos conservan el nombre con que se hicieron.</translation>
    </message>
    <message>
        <source>factcheck writes your name on every change you make, so editors can see who checked what. You can change it later in Edit &gt; Your name.</source>
        <translation>factcheck escribe su nombre en cada cambio que hace, para que los editores vean quién verificó qué. Puede cambiarlo más tarde en Edición &gt; Su nombre.</translation>
    </message>
</context>
<context>
    <name>PageDock</name>
    <message>
        <source>Original page</source>
        <translation>Página original</translation>
    </message>
    <message>
        <source>Show &amp;original page</source>
        <translation>Mostrar la página &amp;original</translation>
    </message>
    <message>
        <source>Beside a PDF article&apos;s text, its page as printed, the selected claim&apos;s words boxed</source>
        <translation>Junto al texto de un artículo en PDF, su página tal como se imprimió, con las palabras de la afirmación seleccionada enmarcadas</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Original page</source>
        <translation>Página original</translation>
    </message>
    <message>
        <source>The article&apos;s page as printed, the claim&apos;s words boxed</source>
        <translation>La página del artículo tal como se imprimió, con las palabras de la afirmación enmarcadas</translation>
    </message>
    <message>
        <source>Enter password…</source>
        <translation>Escribir la contraseña…</translation>
    </message>
    <message>
        <source>The original PDF cannot be shown: it is damaged or is not a PDF.</source>
        <translation>No se puede mostrar el PDF original: está dañado o no es un PDF.</translation>
    </message>
    <message>
        <source>The original PDF is not stored in this project.</source>
        <translation>El PDF original no está guardado en este proyecto.</translation>
    </message>
    <message>
        <source>The original PDF is protected by a password.</source>
        <translation>El PDF original está protegido con contraseña.</translation>
    </message>
    <message>
        <source>The original PDF has no pages.</source>
        <translation>El PDF original no tiene páginas.</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>Página {page} de {total}</translation>
    </message>
    <message>
        <source>The claim&apos;s words were not found in the PDF&apos;s text.</source>
        <translation>Las palabras de la afirmación no se encontraron en el texto del PDF.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Sync password</source>
        <translation>Contraseña de sincronización</translation>
    </message>
    <message>
        <source>{server} refused the password for {user}. Type it again to sync.</source>
        <translation>{server} rechazó la contraseña de {user}. Escríbala de nuevo para sincronizar.</translation>
    </message>
    <message>
        <source>{server} asks for the password of {user} to sync this project.</source>
        <translation>{server} pide la contraseña de {user} para sincronizar este proyecto.</translation>
    </message>
    <message>
        <source>&amp;Keep it in the system keyring</source>
        <translation>&amp;Guardarla en el llavero del sistema</translation>
    </message>
    <message>
        <source>It is kept until factcheck closes, never in the project.</source>
        <translation>Se conserva hasta que se cierre factcheck, nunca en el proyecto.</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Paste article</source>
        <translation>Pegar artículo</translation>
    </message>
    <message>
        <source>Default: the first line of the text</source>
        <translation>Por defecto: la primera línea del texto</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Texto del artículo</translation>
    </message>
    <message>
        <source>Paste the article&apos;s text here</source>
        <translation>Pegue aquí el texto del artículo</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xto</translation>
    </message>
    <message>
        <source>Discard the pasted text? It has not been imported.</source>
        <translation>¿Descartar el texto pegado? Aún no se ha importado.</translation>
    </message>
</context>
<context>
    <name>PasteVersionDialog</name>
    <message>
        <source>Update from pasted text</source>
        <translation>Actualizar desde texto pegado</translation>
    </message>
    <message>
        <source>Paste the article&apos;s new text. It becomes version {number} of “{title}”; its claims are re-anchored and listed for you to review.</source>
        <translation>Pegue el texto nuevo del artículo. Será la versión {number} de «{title}»; sus afirmaciones se reanclan y se listan para que las revise.</translation>
    </message>
    <message>
        <source>Paste the article&apos;s new text. It becomes the article&apos;s newest version; its claims are re-anchored and listed for you to review.</source>
        <translation>Pegue el texto nuevo del artículo. Será la versión más reciente del artículo; sus afirmaciones se reanclan y se listan para que las revise.</translation>
    </message>
    <message>
        <source>New text</source>
        <translation>Texto nuevo</translation>
    </message>
    <message>
        <source>The whole article as it reads now</source>
        <translation>El artículo entero, tal como se lee ahora</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Actualizar</translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <source>Project settings</source>
        <translation>Ajustes del proyecto</translation>
    </message>
    <message>
        <source>Project settings sections</source>
        <translation>Secciones de los ajustes del proyecto</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organización</translation>
    </message>
    <message>
        <source>&amp;Verdicts and reports</source>
        <translation>&amp;Veredictos e informes</translation>
    </message>
    <message>
        <source>Verification &amp;tasks</source>
        <translation>&amp;Tareas de verificación</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Nombre de la organización</translation>
    </message>
    <message>
        <source>Shown on reports and as ClaimReview&apos;s author</source>
        <translation>Aparece en los informes y como autor en ClaimReview</translation>
    </message>
    <message>
        <source>Organisation URL</source>
        <translation>URL de la organización</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Vista previa del logo</translation>
    </message>
    <message>
        <source>&amp;Choose image…</source>
        <translation>&amp;Elegir imagen…</translation>
    </message>
    <message>
        <source>A PNG, JPEG or SVG image of at most {size} MB</source>
        <translation>Una imagen PNG, JPEG o SVG de {size} MB como máximo</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Reports are made without a logo</source>
        <translation>Los informes se hacen sin logo</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Methodology</source>
        <translation>Metodología</translation>
    </message>
    <message>
        <source>How you choose claims, rate them and correct mistakes; printed in reports</source>
        <translation>Cómo elige las afirmaciones, cómo las califica y cómo corrige los errores; se imprime en los informes</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>&amp;Methodology:</source>
        <translation>&amp;Metodología:</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>Escala de calificación</translation>
    </message>
    <message>
        <source>&amp;Four-eyes: a verdict is approved by someone other than its checker</source>
        <translation>&amp;Cuatro ojos: aprueba alguien que no es el verificador</translation>
    </message>
    <message>
        <source>Four-eyes</source>
        <translation>Regla de los cuatro ojos</translation>
    </message>
    <message>
        <source>&amp;Credit checkers in reports (“Checked by …”)</source>
        <translation>Nom&amp;brar a los verificadores en los informes</translation>
    </message>
    <message>
        <source>Credit checkers in reports</source>
        <translation>Nombrar a los verificadores en los informes</translation>
    </message>
    <message>
        <source>The HTML, PDF and Markdown reports name who checked each claim: who submitted it for review, else who made it. Turn it off if your checkers are not named in public; the CSV keeps its checked_by column.</source>
        <translation>Los informes HTML, PDF y Markdown nombran a quien verificó cada afirmación: quien la envió a revisión o, si nadie lo hizo, quien la creó. Desactívelo si sus verificadores no se nombran en público; el CSV conserva su columna checked_by.</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Idioma de los informes</translation>
    </message>
    <message>
        <source>Reports (HTML, PDF and Markdown) and ClaimReview&apos;s inLanguage are written in this language, whatever language the app is shown in.</source>
        <translation>Los informes (HTML, PDF y Markdown) y el inLanguage de ClaimReview se escriben en este idioma, sea cual sea el idioma en que se muestre la aplicación.</translation>
    </message>
    <message>
        <source>Fact-check URL pattern</source>
        <translation>Patrón de URL de las verificaciones</translation>
    </message>
    <message>
        <source>https://example.org/fact-checks/{article}#claim-{claim}</source>
        <translation>https://example.org/verificaciones/{article}#claim-{claim}</translation>
    </message>
    <message>
        <source>Where your fact-checks are published: ClaimReview&apos;s url for an article without a fact-check URL of its own. Placeholders: {article} the article&apos;s id, {claim} the claim&apos;s id (ids never change, so a published URL keeps naming the same verdict); without {claim}, #claim-&lt;id&gt; is added.</source>
        <translation>Dónde se publican sus verificaciones: el url de ClaimReview para un artículo sin URL de verificación propia. Marcadores: {article} el id del artículo, {claim} el id de la afirmación (los id nunca cambian, así que una URL publicada sigue nombrando el mismo veredicto); sin {claim}, se añade #claim-&lt;id&gt;.</translation>
    </message>
    <message>
        <source>Example fact-check URL</source>
        <translation>URL de verificación de ejemplo</translation>
    </message>
    <message>
        <source>Rating &amp;scale:</source>
        <translation>&amp;Escala de calificación:</translation>
    </message>
    <message>
        <source>Report &amp;language:</source>
        <translation>&amp;Idioma de los informes:</translation>
    </message>
    <message>
        <source>Fact-check &amp;URLs:</source>
        <translation>&amp;URL de las verificaciones:</translation>
    </message>
    <message>
        <source>Every claim shows these tasks as a checklist. A required task must be ticked before the claim can be submitted for review. Renaming a task keeps the ticks made on claims.</source>
        <translation>Cada afirmación muestra estas tareas como lista de comprobación. Una tarea obligatoria debe estar marcada antes de poder enviar la afirmación a revisión. Cambiar el nombre de una tarea conserva las marcas hechas en las afirmaciones.</translation>
    </message>
    <message>
        <source>The project is read-only: its settings cannot be changed.</source>
        <translation>El proyecto es de solo lectura: sus ajustes no se pueden cambiar.</translation>
    </message>
    <message>
        <source>{tab}: {problem}</source>
        <translation>{tab}: {problem}</translation>
    </message>
    <message>
        <source>No pattern: each article needs its own fact-check URL (Article &gt; Properties), or ClaimReview exports have no url.</source>
        <translation>Sin patrón: cada artículo necesita su propia URL de verificación (Artículo &gt; Propiedades); si no, las exportaciones ClaimReview no tienen url.</translation>
    </message>
    <message>
        <source>Claim 1 of the article shown: {url}</source>
        <translation>Afirmación 1 del artículo mostrado: {url}</translation>
    </message>
    <message>
        <source>A claim of the article shown: {url}</source>
        <translation>Una afirmación del artículo mostrado: {url}</translation>
    </message>
    <message>
        <source>For example: {url}</source>
        <translation>Por ejemplo: {url}</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logo</translation>
    </message>
    <message>
        <source>A PNG, JPEG or SVG image of at most {size} MB.</source>
        <translation>Una imagen PNG, JPEG o SVG de {size} MB como máximo.</translation>
    </message>
    <message>
        <source>{kind} image, {width} × {height} pixels, {size} KB.</source>
        <translation>Imagen {kind}, {width} × {height} píxeles, {size} KB.</translation>
    </message>
    <message>
        <source>Choose the organisation&apos;s logo</source>
        <translation>Elegir el logo de la organización</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.svg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{name} looks like an image but cannot be read as one; save it again as PNG.</source>
        <translation>{name} parece una imagen, pero no se puede leer como tal; vuelva a guardarla como PNG.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>This verdict is published. Changing its {what} sends the claim back to review and records a public correction with your reason, your name and the time.</source>
        <translation>Este veredicto está publicado. Cambiar su {what} devuelve la afirmación a revisión y registra una corrección pública con el motivo que indique, su nombre y la hora.</translation>
    </message>
    <message>
        <source>This verdict was already approved. Changing its {what} sends the claim back to review; say why it changes.</source>
        <translation>Este veredicto ya estaba aprobado. Cambiar su {what} devuelve la afirmación a revisión; explique por qué cambia.</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Motivo del cambio</translation>
    </message>
    <message>
        <source>Change and send back to review</source>
        <translation>Cambiar y devolver a revisión</translation>
    </message>
    <message>
        <source>Why the verdict changes (kept in the history)</source>
        <translation>Por qué cambia el veredicto (queda en el historial)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Backups of {name}, newest first. The one you choose is saved as a new file and opened; the project open now stays as it is.</source>
        <translation>Copias de seguridad de {name}, de la más reciente a la más antigua. La que elija se guarda como un archivo nuevo y se abre; el proyecto abierto ahora queda como está.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Afirmaciones</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation>Antes de actualizar</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>There are no backups of this project yet. factcheck makes one the first time each day the project is opened for changes, and one before a new version of factcheck upgrades the file.</source>
        <translation>Todavía no hay copias de seguridad de este proyecto. factcheck hace una cada día, la primera vez que el proyecto se abre para modificarlo, y otra antes de que una versión nueva de factcheck actualice el archivo.</translation>
    </message>
    <message>
        <source>Kept in {folder}</source>
        <translation>Guardadas en {folder}</translation>
    </message>
    <message>
        <source>Restore as new file…</source>
        <translation>Restaurar como archivo nuevo…</translation>
    </message>
    <message>
        <source>Save the restored copy as</source>
        <translation>Guardar la copia restaurada como</translation>
    </message>
    <message>
        <source>factcheck projects (*{suffix});;All files (*)</source>
        <translation>Proyectos de factcheck (*{suffix});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>No se restauró</translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>This verdict is published, so deleting the claim retracts it. The retraction is public: reports print it in their corrections, with the claim&apos;s words, the verdict withdrawn, your reason, your name and the time. It cannot be undone.</source>
        <translation>Este veredicto está publicado, así que eliminar la afirmación lo retira. La retractación es pública: los informes la imprimen en sus correcciones, con las palabras de la afirmación, el veredicto retirado, el motivo, su nombre y la hora. No se puede deshacer.</translation>
    </message>
    <message>
        <source>This verdict was approved, so deleting the claim retracts it. The retraction is public: reports print it in their corrections, with the claim&apos;s words, the verdict withdrawn, your reason, your name and the time. It cannot be undone.</source>
        <translation>Este veredicto fue aprobado, así que eliminar la afirmación lo retira. La retractación es pública: los informes la imprimen en sus correcciones, con las palabras de la afirmación, el veredicto retirado, el motivo, su nombre y la hora. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Retract verdict</source>
        <translation>Retirar veredicto</translation>
    </message>
    <message>
        <source>Why the verdict is withdrawn (printed in reports)</source>
        <translation>Por qué se retira el veredicto (se imprime en los informes)</translation>
    </message>
    <message>
        <source>{claim}
Verdict: {verdict}</source>
        <translation>{claim}
Veredicto: {verdict}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Verdict to retract</source>
        <translation>Veredicto que se retira</translation>
    </message>
    <message>
        <source>Reason for the retraction</source>
        <translation>Motivo de la retractación</translation>
    </message>
    <message>
        <source>Deletes the claim and publishes the retraction; cannot be undone.</source>
        <translation>Elimina la afirmación y publica la retractación; no se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Claim&apos;s words</source>
        <translation>Palabras de la afirmación</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Words changed: confirm or re-select ({n})</source>
        <translation>Palabras cambiadas: confirmar o volver a seleccionar ({n})</translation>
    </message>
    <message>
        <source>Words gone: kept under Unanchored ({n})</source>
        <translation>Palabras desaparecidas: se conservan en Sin anclar ({n})</translation>
    </message>
    <message>
        <source>Kept their words ({n})</source>
        <translation>Conservaron sus palabras ({n})</translation>
    </message>
    <message>
        <source>The words under these claims changed: check each, then confirm it or select the right words</source>
        <translation>Las palabras de estas afirmaciones cambiaron: revise cada una y confírmela o seleccione las palabras correctas</translation>
    </message>
    <message>
        <source>These claims&apos; words are no longer in the article; they keep their quote and verdict</source>
        <translation>Las palabras de estas afirmaciones ya no están en el artículo; conservan su fragmento y su veredicto</translation>
    </message>
    <message>
        <source>These claims&apos; words are in the new version as they were (in place or moved)</source>
        <translation>Las palabras de estas afirmaciones están en la versión nueva tal como estaban (en su sitio o desplazadas)</translation>
    </message>
    <message>
        <source>Same words, the text around them changed</source>
        <translation>Mismas palabras, cambió el texto de alrededor</translation>
    </message>
    <message>
        <source>Words changed</source>
        <translation>Palabras cambiadas</translation>
    </message>
    <message>
        <source>Words gone</source>
        <translation>Palabras desaparecidas</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Desplazada</translation>
    </message>
    <message>
        <source>In place</source>
        <translation>En su sitio</translation>
    </message>
</context>
<context>
    <name>ReviewOutcome</name>
    <message>
        <source>Submitted 1 claim.</source>
        <translation>Se envió a revisión 1 afirmación.</translation>
    </message>
    <message>
        <source>Submitted {n} claims.</source>
        <translation>Se enviaron a revisión {n} afirmaciones.</translation>
    </message>
    <message>
        <source>Approved 1 claim.</source>
        <translation>Se aprobó 1 afirmación.</translation>
    </message>
    <message>
        <source>Approved {n} claims.</source>
        <translation>Se aprobaron {n} afirmaciones.</translation>
    </message>
    <message>
        <source>Requested changes on 1 claim.</source>
        <translation>Se pidieron cambios en 1 afirmación.</translation>
    </message>
    <message>
        <source>Requested changes on {n} claims.</source>
        <translation>Se pidieron cambios en {n} afirmaciones.</translation>
    </message>
    <message>
        <source>Published 1 claim.</source>
        <translation>Se publicó 1 afirmación.</translation>
    </message>
    <message>
        <source>Published {n} claims.</source>
        <translation>Se publicaron {n} afirmaciones.</translation>
    </message>
    <message>
        <source>Refused ({n}):</source>
        <translation>Rechazadas ({n}):</translation>
    </message>
    <message>
        <source>• {quote}: {reason}</source>
        <translation>• {quote}: {reason}</translation>
    </message>
    <message>
        <source>• A claim: {reason}</source>
        <translation>• Una afirmación: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Submit for review {n} claims</source>
        <translation>Enviar a revisión {n} afirmaciones</translation>
    </message>
    <message>
        <source>Approve {n} claims</source>
        <translation>Aprobar {n} afirmaciones</translation>
    </message>
    <message>
        <source>Request changes {n} claims</source>
        <translation>Pedir cambios en {n} afirmaciones</translation>
    </message>
    <message>
        <source>Publish {n} claims</source>
        <translation>Publicar {n} afirmaciones</translation>
    </message>
    <message>
        <source>What needs changing? The checker sees this as a review comment.</source>
        <translation>¿Qué hay que cambiar? El verificador lo verá como un comentario de revisión.</translation>
    </message>
    <message>
        <source>What needs changing? Each of the {n} claims gets this review comment.</source>
        <translation>¿Qué hay que cambiar? Cada una de las {n} afirmaciones recibirá este comentario de revisión.</translation>
    </message>
    <message>
        <source>Which review state to list</source>
        <translation>Qué estado de revisión mostrar</translation>
    </message>
    <message>
        <source>Only claims with this rating</source>
        <translation>Solo las afirmaciones con esta calificación</translation>
    </message>
    <message>
        <source>Only claims submitted (or made) by this person</source>
        <translation>Solo las afirmaciones enviadas a revisión (o creadas) por esta persona</translation>
    </message>
    <message>
        <source>Only claims in this article</source>
        <translation>Solo las afirmaciones de este artículo</translation>
    </message>
    <message>
        <source>Filter by words…</source>
        <translation>Filtrar por palabras…</translation>
    </message>
    <message>
        <source>Filter by words</source>
        <translation>Filtrar por palabras</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Show the claim in its article ({keys}, or double-click)</source>
        <translation>Mostrar la afirmación en su artículo ({keys} o doble clic)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Approve the selected claims after the checklist ({shortcut})</source>
        <translation>Aprobar las afirmaciones seleccionadas tras la lista de comprobación ({shortcut})</translation>
    </message>
    <message>
        <source>Request changes…</source>
        <translation>Pedir cambios…</translation>
    </message>
    <message>
        <source>Send the selected claims back with a comment ({shortcut})</source>
        <translation>Devolver las afirmaciones seleccionadas con un comentario ({shortcut})</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <source>Claims waiting for a decision, across every article; Enter opens one</source>
        <translation>Afirmaciones pendientes de una decisión, de todos los artículos; Enter abre una</translation>
    </message>
    <message>
        <source>Review state filter</source>
        <translation>Filtro de estado de revisión</translation>
    </message>
    <message>
        <source>Rating filter</source>
        <translation>Filtro de calificación</translation>
    </message>
    <message>
        <source>Checker filter</source>
        <translation>Filtro de verificador</translation>
    </message>
    <message>
        <source>Article filter</source>
        <translation>Filtro de artículo</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Cualquier calificación</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>Any checker</source>
        <translation>Cualquier verificador</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Todos los artículos</translation>
    </message>
    <message>
        <source>1 claim in review</source>
        <translation>1 afirmación en revisión</translation>
    </message>
    <message>
        <source>{n} claims in review</source>
        <translation>{n} afirmaciones en revisión</translation>
    </message>
    <message>
        <source>1 claim with changes requested</source>
        <translation>1 afirmación con cambios pedidos</translation>
    </message>
    <message>
        <source>{n} claims with changes requested</source>
        <translation>{n} afirmaciones con cambios pedidos</translation>
    </message>
    <message>
        <source>1 claim approved</source>
        <translation>1 afirmación aprobada</translation>
    </message>
    <message>
        <source>{n} claims approved</source>
        <translation>{n} afirmaciones aprobadas</translation>
    </message>
    <message>
        <source>1 claim published</source>
        <translation>1 afirmación publicada</translation>
    </message>
    <message>
        <source>{n} claims published</source>
        <translation>{n} afirmaciones publicadas</translation>
    </message>
    <message>
        <source>1 claim in draft</source>
        <translation>1 afirmación en borrador</translation>
    </message>
    <message>
        <source>{n} claims in draft</source>
        <translation>{n} afirmaciones en borrador</translation>
    </message>
    <message>
        <source>1 claim</source>
        <translation>1 afirmación</translation>
    </message>
    <message>
        <source>{n} claims</source>
        <translation>{n} afirmaciones</translation>
    </message>
    <message>
        <source>{shown} shown of the 1 claim in the project</source>
        <translation>Se muestran {shown} de 1 afirmación del proyecto</translation>
    </message>
    <message>
        <source>{shown} shown of the {total} claims in the project</source>
        <translation>Se muestran {shown} de las {total} afirmaciones del proyecto</translation>
    </message>
    <message>
        <source>Select one or more claims in the queue first.</source>
        <translation>Seleccione primero una o más afirmaciones en la cola.</translation>
    </message>
    <message>
        <source>{action}: some claims refused</source>
        <translation>{action}: algunas afirmaciones rechazadas</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} días</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>Waiting since {time}</source>
        <translation>En espera desde {time}</translation>
    </message>
    <message>
        <source>Verdict: {summary}</source>
        <translation>Veredicto: {summary}</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Cancelling…</source>
        <extracomment>The progress dialog&apos;s label once Cancel is pressed, until the job stops at its next report.</extracomment>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <source>Find in project</source>
        <translation>Buscar en el proyecto</translation>
    </message>
    <message>
        <source>Find in &amp;project…</source>
        <translation>Buscar en el &amp;proyecto…</translation>
    </message>
    <message>
        <source>Search every claim, comment, source and article of the project</source>
        <translation>Buscar en todas las afirmaciones, comentarios, fuentes y artículos del proyecto</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Find in claims, comments, sources and article text (&quot;phrase&quot;, word*)</source>
        <translation>Buscar en afirmaciones, comentarios, fuentes y texto de los artículos (&quot;frase&quot;, palabra*)</translation>
    </message>
    <message>
        <source>Find in project</source>
        <translation>Buscar en el proyecto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>Verificador</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Changed on or after</source>
        <translation>Cambiado en esta fecha o después</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>cualquier fecha</translation>
    </message>
    <message>
        <source>Changed on or before</source>
        <translation>Cambiado en esta fecha o antes</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>Calificación:</translation>
    </message>
    <message>
        <source>Checker:</source>
        <translation>Verificador:</translation>
    </message>
    <message>
        <source>Article:</source>
        <translation>Artículo:</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Type to search</source>
        <translation>Escriba para buscar</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Cualquier calificación</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Todos los artículos</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>No se encontró nada</translation>
    </message>
    <message>
        <source>The first {n} results</source>
        <translation>Los primeros {n} resultados</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <source>Claim</source>
        <translation>Afirmación</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Texto del artículo</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>enunciado</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>fragmento</translation>
    </message>
    <message>
        <source>verdict summary</source>
        <translation>resumen del veredicto</translation>
    </message>
    <message>
        <source>rationale</source>
        <translation>fundamentación</translation>
    </message>
    <message>
        <source>claimant</source>
        <translation>autor de la afirmación</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>publisher</source>
        <translation>entidad editora</translation>
    </message>
    <message>
        <source>author</source>
        <translation>autor</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>{kind} · {article} · page {page}</source>
        <translation>{kind} · {article} · página {page}</translation>
    </message>
    <message>
        <source>{kind} · {article}</source>
        <translation>{kind} · {article}</translation>
    </message>
    <message>
        <source>{kind} · {field}</source>
        <translation>{kind} · {field}</translation>
    </message>
    <message>
        <source>{kind} · {title} · {field}</source>
        <translation>{kind} · {title} · {field}</translation>
    </message>
    <message>
        <source>{kind} · {field} · {status} · {article}</source>
        <translation>{kind} · {field} · {status} · {article}</translation>
    </message>
    <message>
        <source>{kind} · {title} · {field} · {status} · {article}</source>
        <translation>{kind} · {title} · {field} · {status} · {article}</translation>
    </message>
</context>
<context>
    <name>SendChangesDialog</name>
    <message>
        <source>Send changes</source>
        <translation>Enviar cambios</translation>
    </message>
    <message>
        <source>Write the changes another copy of this project lacks to a small file, to send by e-mail or carry on a USB stick. Its owner merges it with File &gt; Merge project…</source>
        <translation>Escriba los cambios que le faltan a otra copia de este proyecto en un archivo pequeño, para enviarlo por correo o llevarlo en una memoria USB. Quien tiene esa copia lo fusiona con Archivo &gt; Fusionar proyecto…</translation>
    </message>
    <message>
        <source>Who the changes are for</source>
        <translation>Para quién son los cambios</translation>
    </message>
    <message>
        <source>Their name, e.g. Ana (editor)</source>
        <translation>Su nombre, p. ej., Ana (editora)</translation>
    </message>
    <message>
        <source>&amp;Only what they lack (since your last exchange with them)</source>
        <translation>&amp;Solo lo que le falta (desde el último intercambio)</translation>
    </message>
    <message>
        <source>&amp;Everything (the whole history of the project)</source>
        <translation>&amp;Todo (el historial completo del proyecto)</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>A new partner: nothing was exchanged with them from this copy yet, so everything goes.</source>
        <translation>Un compañero nuevo: esta copia aún no intercambió nada con él, así que va todo.</translation>
    </message>
    <message>
        <source>Last sent: {sent}. Last received: {received}.</source>
        <translation>Último envío: {sent}. Última recepción: {received}.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Every change was already sent to {name} or came from them, so the file would hold none. If the last file did not reach them, choose Everything.</source>
        <translation>Todos los cambios ya se enviaron a {name} o llegaron de esa persona, así que el archivo no llevaría ninguno. Si el último archivo no le llegó, elija Todo.</translation>
    </message>
    <message>
        <source>1 change will go in the file.</source>
        <translation>El archivo llevará 1 cambio.</translation>
    </message>
    <message>
        <source>{n} changes will go in the file.</source>
        <translation>El archivo llevará {n} cambios.</translation>
    </message>
    <message>
        <source>Save the changes for {name}</source>
        <translation>Guardar los cambios para {name}</translation>
    </message>
    <message>
        <source>factcheck hand-off files (*{suffix})</source>
        <translation>Archivos de cambios de factcheck (*{suffix})</translation>
    </message>
    <message>
        <source>{name} exists and is not a hand-off file; choose another name.</source>
        <translation>{name} ya existe y no es un archivo de cambios; elija otro nombre.</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}.</source>
        <translation>No se pudo escribir el archivo: {reason}.</translation>
    </message>
    <message>
        <source>1 change for {partner} saved to {path} ({size} kB). Send them this file; they merge it with File &gt; Merge project….</source>
        <translation>1 cambio para {partner} guardado en {path} ({size} kB). Envíele este archivo; lo fusiona con Archivo &gt; Fusionar proyecto….</translation>
    </message>
    <message>
        <source>{n} changes for {partner} saved to {path} ({size} kB). Send them this file; they merge it with File &gt; Merge project….</source>
        <translation>{n} cambios para {partner} guardados en {path} ({size} kB). Envíele este archivo; lo fusiona con Archivo &gt; Fusionar proyecto….</translation>
    </message>
    <message>
        <source>Changes saved</source>
        <translation>Cambios guardados</translation>
    </message>
</context>
<context>
    <name>SharedDrive</name>
    <message>
        <source>Merge &amp;back to shared file</source>
        <translation>Fusionar con el archivo co&amp;mpartido</translation>
    </message>
    <message>
        <source>Send this local copy&apos;s changes to the shared file on the network drive and take in what others changed there</source>
        <translation>Enviar los cambios de esta copia local al archivo compartido de la unidad de red y traer lo que otros cambiaron allí</translation>
    </message>
    <message>
        <source>{name} – local copy of {origin} – factcheck</source>
        <translation>{name} – copia local de {origin} – factcheck</translation>
    </message>
    <message>
        <source>Local copy of {name}: your changes go back to it when you close the project.</source>
        <translation>Copia local de {name}: sus cambios pasan al archivo compartido al cerrar el proyecto.</translation>
    </message>
    <message>
        <source>{name} is on a network drive ({drive}): each save waits until nobody else is reading it.</source>
        <translation>{name} está en una unidad de red ({drive}): cada guardado espera a que nadie más lo esté leyendo.</translation>
    </message>
    <message>
        <source>{reason}

Your changes are safe in the local copy; try again later (File &gt; Merge back to shared file).</source>
        <translation>{reason}

Sus cambios están a salvo en la copia local; vuelva a intentarlo más tarde (Archivo &gt; Fusionar con el archivo compartido).</translation>
    </message>
    <message>
        <source>The merge back was cancelled: the conflicts still need a choice.</source>
        <translation>Se canceló la fusión con el archivo compartido: los conflictos aún necesitan una elección.</translation>
    </message>
    <message>
        <source>Nothing to merge back: the local copy and {name} hold the same changes.</source>
        <translation>Nada que fusionar: la copia local y {name} tienen los mismos cambios.</translation>
    </message>
    <message>
        <source>Merged back 1 change to {name}; {received} came in from others.</source>
        <translation>Se fusionó 1 cambio en {name}; cambios recibidos de otros: {received}.</translation>
    </message>
    <message>
        <source>Merged back {sent} changes to {name}; {received} came in from others.</source>
        <translation>Se fusionaron {sent} cambios en {name}; cambios recibidos de otros: {received}.</translation>
    </message>
    <message>
        <source>Project on a network drive</source>
        <translation>Proyecto en una unidad de red</translation>
    </message>
    <message>
        <source>{name} is on a network drive ({drive}). SQLite&apos;s fast journal cannot be used there safely.</source>
        <translation>{name} está en una unidad de red ({drive}). Allí no se puede usar con seguridad el diario rápido de SQLite.</translation>
    </message>
    <message>
        <source>Work on a local copy (recommended): your changes are merged back when you close the project or choose File &gt; Merge back to shared file.</source>
        <translation>Trabajar en una copia local (recomendado): sus cambios se fusionan con el archivo compartido cuando cierre el proyecto o elija Archivo &gt; Fusionar con el archivo compartido.</translation>
    </message>
    <message>
        <source>Open it on the drive: slower; safe, but others wait while you save.</source>
        <translation>Abrirlo en la unidad: más lento; seguro, pero los demás esperan mientras usted guarda.</translation>
    </message>
    <message>
        <source>Changes in your local copy not yet merged back: {n}. Work on the local copy to send them.</source>
        <translation>Cambios de su copia local aún sin fusionar con el archivo compartido: {n}. Trabaje en la copia local para enviarlos.</translation>
    </message>
    <message>
        <source>Work on a local copy</source>
        <translation>Trabajar en una copia local</translation>
    </message>
    <message>
        <source>Open on the drive</source>
        <translation>Abrir en la unidad</translation>
    </message>
    <message>
        <source>The local copy could not be made or updated: {reason}.</source>
        <translation>No se pudo crear ni actualizar la copia local: {reason}.</translation>
    </message>
    <message>
        <source>Not merged back</source>
        <translation>Sin fusionar</translation>
    </message>
    <message>
        <source>Your changes were not merged back to {name}.</source>
        <translation>Sus cambios no se fusionaron con {name}.</translation>
    </message>
    <message>
        <source>{reason}

They are safe in the local copy: the next time you open {name}, work on the local copy and they are merged back when you close it.</source>
        <translation>{reason}

Están a salvo en la copia local: la próxima vez que abra {name}, trabaje en la copia local y se fusionarán al cerrarla.</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>Mantenerlo abierto</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Cerrar de todos modos</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>{next} and {previous} move between the panes; Tab moves within one, the arrows within a list.</source>
        <translation>{next} y {previous} pasan de un panel a otro; Tab se mueve dentro de uno, y las flechas, dentro de una lista.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
</context>
<context>
    <name>SimilarClaims</name>
    <message>
        <source>Checked before?</source>
        <translation>¿Ya se verificó?</translation>
    </message>
    <message>
        <source>Earlier verdict {n}</source>
        <translation>Veredicto anterior {n}</translation>
    </message>
    <message>
        <source>Similar earlier verdicts</source>
        <translation>Veredictos anteriores parecidos</translation>
    </message>
    <message>
        <source>The demo project is left out of the verdict library (its verdicts are examples), so its own claims are never suggested here.</source>
        <translation>El proyecto de demostración queda fuera de la biblioteca de veredictos (sus veredictos son ejemplos), así que sus propias afirmaciones nunca se sugieren aquí.</translation>
    </message>
    <message>
        <source>No earlier verdict is close to this claim.</source>
        <translation>Ningún veredicto anterior se parece a esta afirmación.</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificación</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>no verdict to use</source>
        <translation>no hay veredicto que usar</translation>
    </message>
    <message>
        <source>{status} on {date}</source>
        <translation>{status} el {date}</translation>
    </message>
    <message>
        <source>this project</source>
        <translation>este proyecto</translation>
    </message>
    <message>
        <source>{name} (the file is gone)</source>
        <translation>{name} (el archivo ya no está)</translation>
    </message>
    <message>
        <source>{name} is no longer where it was ({path}).</source>
        <translation>{name} ya no está donde estaba ({path}).</translation>
    </message>
    <message>
        <source>The rating “{rating}” is not on this project&apos;s scale: choose the rating yourself.</source>
        <translation>La calificación «{rating}» no está en la escala de este proyecto: elija usted la calificación.</translation>
    </message>
    <message>
        <source>Verdict copied from the earlier check; it is a draft until you submit it.</source>
        <translation>Veredicto copiado de la verificación anterior; es un borrador hasta que lo envíe a revisión.</translation>
    </message>
</context>
<context>
    <name>SourceDetailsWidget</name>
    <message>
        <source>Select a source to see its details.</source>
        <translation>Seleccione una fuente para ver sus datos.</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Open the source&apos;s web address in your browser</source>
        <translation>Abrir la dirección web de la fuente en el navegador</translation>
    </message>
    <message>
        <source>Yes. {explanation}</source>
        <translation>Sí. {explanation}</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{date} by {name}</source>
        <translation>{date} por {name}</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Untitled source</source>
        <translation>Fuente sin título</translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation>Editar fuente</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Nueva fuente</translation>
    </message>
    <message>
        <source>e.g. Annual report 2023</source>
        <translation>p. ej., Informe anual 2023</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open this web address in your browser</source>
        <translation>Abrir esta dirección web en el navegador</translation>
    </message>
    <message>
        <source>Organisation, outlet or platform</source>
        <translation>Organización, medio o plataforma</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or as much as is known</source>
        <translation>AAAA-MM-DD, o lo que se sepa</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <source>How you got it, who to ask, what to watch for…</source>
        <translation>Cómo se obtuvo, a quién preguntar, qué vigilar…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>&amp;Entidad editora:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>Published &amp;on:</source>
        <translation>Fecha de &amp;publicación:</translation>
    </message>
    <message>
        <source>A&amp;ccessed on:</source>
        <translation>Fecha de &amp;consulta:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ipo:</translation>
    </message>
    <message>
        <source>&amp;Reliability:</source>
        <translation>&amp;Fiabilidad:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Añadir fuente</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>E&amp;videncias</translation>
    </message>
</context>
<context>
    <name>SourceLibraryDialog</name>
    <message>
        <source>Not cited</source>
        <translation>Sin citar</translation>
    </message>
    <message>
        <source>1 claim</source>
        <translation>1 afirmación</translation>
    </message>
    <message>
        <source>{n} claims</source>
        <translation>{n} afirmaciones</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Choose a source</source>
        <translation>Elegir una fuente</translation>
    </message>
    <message>
        <source>Source library</source>
        <translation>Biblioteca de fuentes</translation>
    </message>
    <message>
        <source>Search titles, URLs, publishers, authors and notes</source>
        <translation>Buscar en títulos, URL, entidades editoras, autores y notas</translation>
    </message>
    <message>
        <source>Search the source library</source>
        <translation>Buscar en la biblioteca de fuentes</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nueva…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Add a source to the library</source>
        <translation>Añadir una fuente a la biblioteca</translation>
    </message>
    <message>
        <source>Delete the selected source and withdraw its citations</source>
        <translation>Eliminar la fuente seleccionada y retirar sus citas</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>Ele&amp;gir</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 fuente</translation>
    </message>
    <message>
        <source>{n} sources</source>
        <translation>{n} fuentes</translation>
    </message>
    <message>
        <source>No source matches “{search}”.</source>
        <translation>Ninguna fuente coincide con “{search}”.</translation>
    </message>
    <message>
        <source>The library is empty: add a source with New…</source>
        <translation>La biblioteca está vacía: añada una fuente con Nueva…</translation>
    </message>
    <message>
        <source>“{title}” is cited by 1 claim. Delete it and withdraw those citations? (Undo brings them back.)</source>
        <translation>La fuente “{title}” se cita en 1 afirmación. ¿Eliminarla y retirar esas citas? (Deshacer las recupera.)</translation>
    </message>
    <message>
        <source>“{title}” is cited by {n} claims. Delete it and withdraw those citations? (Undo brings them back.)</source>
        <translation>La fuente “{title}” se cita en {n} afirmaciones. ¿Eliminarla y retirar esas citas? (Deshacer las recupera.)</translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation>Eliminar fuente</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>No eliminado</translation>
    </message>
</context>
<context>
    <name>SourceTableModel</name>
    <message>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Statistics – {name}</source>
        <translation>Estadísticas – {name}</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>claims</source>
        <translation>afirmaciones</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publicadas</translation>
    </message>
    <message>
        <source>median days to publish</source>
        <translation>mediana de días hasta publicar</translation>
    </message>
    <message>
        <source>waiting for changes</source>
        <translation>a la espera de cambios</translation>
    </message>
    <message>
        <source>open review comments</source>
        <translation>comentarios de revisión abiertos</translation>
    </message>
    <message>
        <source>Claims by rating</source>
        <translation>Afirmaciones por calificación</translation>
    </message>
    <message>
        <source>Claims by status</source>
        <translation>Afirmaciones por estado</translation>
    </message>
    <message>
        <source>Claims by checker</source>
        <translation>Afirmaciones por verificador</translation>
    </message>
    <message>
        <source>Claims by article</source>
        <translation>Afirmaciones por artículo</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Save every figure as a CSV file for a spreadsheet</source>
        <translation>Guardar todas las cifras en un archivo CSV para una hoja de cálculo</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>Open a project to see its statistics.</source>
        <translation>Abra un proyecto para ver sus estadísticas.</translation>
    </message>
    <message>
        <source>This project has no claims yet. Select words in an article and press {shortcut} to make one; its figures will show here.</source>
        <translation>Este proyecto aún no tiene afirmaciones. Seleccione palabras de un artículo y pulse {shortcut} para crear una; sus cifras aparecerán aquí.</translation>
    </message>
    <message>
        <source>From a claim&apos;s creation to its publication. The longest took {days} days.</source>
        <translation>Desde la creación de una afirmación hasta su publicación. La que más tardó necesitó {days} días.</translation>
    </message>
    <message>
        <source>No claim has been published yet.</source>
        <translation>Aún no se ha publicado ninguna afirmación.</translation>
    </message>
    <message>
        <source>Claims an editor sent back, waiting for the changes asked for</source>
        <translation>Afirmaciones que un editor devolvió, a la espera de los cambios pedidos</translation>
    </message>
    <message>
        <source>Review comments not marked resolved</source>
        <translation>Comentarios de revisión no marcados como resueltos</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>…and 1 more checker with 1 claim (Export CSV lists them all).</source>
        <translation>…y 1 verificador más con 1 afirmación (Exportar CSV los incluye a todos).</translation>
    </message>
    <message>
        <source>…and 1 more checker with {claims} claims (Export CSV lists them all).</source>
        <translation>…y 1 verificador más con {claims} afirmaciones (Exportar CSV los incluye a todos).</translation>
    </message>
    <message>
        <source>…and {n} more checkers with 1 claim (Export CSV lists them all).</source>
        <translation>…y {n} verificadores más con 1 afirmación (Exportar CSV los incluye a todos).</translation>
    </message>
    <message>
        <source>…and {n} more checkers with {claims} claims (Export CSV lists them all).</source>
        <translation>…y {n} verificadores más con {claims} afirmaciones (Exportar CSV los incluye a todos).</translation>
    </message>
    <message>
        <source>…and 1 more article with 1 claim (Export CSV lists them all).</source>
        <translation>…y 1 artículo más con 1 afirmación (Exportar CSV los incluye a todos).</translation>
    </message>
    <message>
        <source>…and 1 more article with {claims} claims (Export CSV lists them all).</source>
        <translation>…y 1 artículo más con {claims} afirmaciones (Exportar CSV los incluye a todos).</translation>
    </message>
    <message>
        <source>…and {n} more articles with 1 claim (Export CSV lists them all).</source>
        <translation>…y {n} artículos más con 1 afirmación (Exportar CSV los incluye a todos).</translation>
    </message>
    <message>
        <source>…and {n} more articles with {claims} claims (Export CSV lists them all).</source>
        <translation>…y {n} artículos más con {claims} afirmaciones (Exportar CSV los incluye a todos).</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Exportar estadísticas</translation>
    </message>
    <message>
        <source>Not saved: cannot write {name}: {reason}.</source>
        <translation>No se guardó: no se puede escribir {name}: {reason}.</translation>
    </message>
    <message>
        <source>Saved to {path} · &lt;a href=&apos;open&apos;&gt;Open&lt;/a&gt; · &lt;a href=&apos;folder&apos;&gt;Show in folder&lt;/a&gt;</source>
        <translation>Guardado en {path} · &lt;a href=&apos;open&apos;&gt;Abrir&lt;/a&gt; · &lt;a href=&apos;folder&apos;&gt;Mostrar en la carpeta&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>StoreRunner</name>
    <message>
        <source>Attaching {name}</source>
        <translation>Adjuntando {name}</translation>
    </message>
    <message>
        <source>Storing {name}…</source>
        <translation>Guardando {name}…</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>S&amp;ync settings…</source>
        <translation>Ajustes de sincroni&amp;zación…</translation>
    </message>
    <message>
        <source>Link this project to the desk&apos;s PostgreSQL server, so it syncs with the other copies</source>
        <translation>Vincular este proyecto al servidor PostgreSQL de la redacción, para que se sincronice con las demás copias</translation>
    </message>
    <message>
        <source>Sync no&amp;w</source>
        <translation>Sincronizar a&amp;hora</translation>
    </message>
    <message>
        <source>Send this copy&apos;s changes to the sync server and take in the other copies&apos; (a conflict: choose what to keep)</source>
        <translation>Enviar los cambios de esta copia al servidor de sincronización y traer los de las demás copias (si hay un conflicto, elegir qué conservar)</translation>
    </message>
    <message>
        <source>Sync: 1 signed-off verdict went back to review (changed in another copy).</source>
        <translation>Sincronización: 1 veredicto aprobado volvió a revisión (se cambió en otra copia).</translation>
    </message>
    <message>
        <source>Sync: {n} signed-off verdicts went back to review (changed in another copy).</source>
        <translation>Sincronización: {n} veredictos aprobados volvieron a revisión (se cambiaron en otra copia).</translation>
    </message>
    <message>
        <source>Merged 1 change from the sync server.</source>
        <translation>Se fusionó 1 cambio del servidor de sincronización.</translation>
    </message>
    <message>
        <source>Merged {n} changes from the sync server.</source>
        <translation>Se fusionaron {n} cambios del servidor de sincronización.</translation>
    </message>
    <message>
        <source>Approvals lapsed</source>
        <translation>Aprobaciones anuladas</translation>
    </message>
    <message>
        <source>Sync: {state}</source>
        <translation>Sincronización: {state}</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 cambio</translation>
    </message>
    <message>
        <source>{n} changes</source>
        <translation>{n} cambios</translation>
    </message>
    <message>
        <source>as {user} (editor)</source>
        <translation>como {user} (editor)</translation>
    </message>
    <message>
        <source>as {user} (checker)</source>
        <translation>como {user} (verificador)</translation>
    </message>
    <message>
        <source>as {user} (not a member of this project)</source>
        <translation>como {user} (sin permiso en este proyecto)</translation>
    </message>
    <message>
        <source>Synced with {server} {who} at {time}. Changes go up and come in by themselves while you are online.</source>
        <translation>Sincronizado con {server} {who} a las {time}. Mientras haya conexión, los cambios se envían y llegan solos.</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Talking to {server}…</source>
        <translation>Comunicando con {server}…</translation>
    </message>
    <message>
        <source>Sending changes: {sent} of {total}</source>
        <translation>Enviando cambios: {sent} de {total}</translation>
    </message>
    <message>
        <source>This copy&apos;s changes go up to {server} in batches, and the other copies see them once the last is in. If the sync stops, the next one goes on from where it stopped.</source>
        <translation>Los cambios de esta copia suben a {server} por tandas, y las demás copias los ven cuando llega la última. Si la sincronización se detiene, la siguiente sigue desde donde se quedó.</translation>
    </message>
    <message>
        <source>Taking in changes: {done} of {total}</source>
        <translation>Incorporando cambios: {done} de {total}</translation>
    </message>
    <message>
        <source>Receiving changes: {done} of {total}</source>
        <translation>Recibiendo cambios: {done} de {total}</translation>
    </message>
    <message>
        <source>The other copies&apos; changes come from {server} in pages and are taken in at the end, all at once. If the sync stops, the next one goes on from where it stopped.</source>
        <translation>Los cambios de las demás copias llegan de {server} por páginas y se incorporan al final, todos a la vez. Si la sincronización se detiene, la siguiente sigue desde donde se quedó.</translation>
    </message>
    <message>
        <source>1 change to send</source>
        <translation>1 cambio por enviar</translation>
    </message>
    <message>
        <source>{n} changes to send</source>
        <translation>{n} cambios por enviar</translation>
    </message>
    <message>
        <source>They go to {server} in a moment.</source>
        <translation>Se envían a {server} en un momento.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Offline: 1 change waiting</source>
        <translation>Sin conexión: 1 cambio en espera</translation>
    </message>
    <message>
        <source>Offline: {n} changes waiting</source>
        <translation>Sin conexión: {n} cambios en espera</translation>
    </message>
    <message>
        <source>{reason}
Work on as usual: your changes are kept here and sent when {server} can be reached again (tried every {seconds} s, or File &gt; Sync now).</source>
        <translation>{reason}
Siga trabajando como siempre: sus cambios se guardan aquí y se envían cuando {server} vuelva a estar accesible (se intenta cada {seconds} s, o con Archivo &gt; Sincronizar ahora).</translation>
    </message>
    <message>
        <source>1 change was made differently here and in another copy: click here, or File &gt; Sync now, to choose what to keep. Until then nothing more is sent.</source>
        <translation>1 cambio se hizo de forma distinta aquí y en otra copia: haga clic aquí, o use Archivo &gt; Sincronizar ahora, para elegir qué conservar. Hasta entonces no se envía nada más.</translation>
    </message>
    <message>
        <source>{n} changes were made differently here and in another copy: click here, or File &gt; Sync now, to choose what to keep. Until then nothing more is sent.</source>
        <translation>{n} cambios se hicieron de forma distinta aquí y en otra copia: haga clic aquí, o use Archivo &gt; Sincronizar ahora, para elegir qué conservar. Hasta entonces no se envía nada más.</translation>
    </message>
    <message>
        <source>Conflict: choose…</source>
        <translation>Conflicto: elegir…</translation>
    </message>
    <message>
        <source>Held back: 1 change waits for an editor</source>
        <translation>Retenido: 1 cambio espera a un editor</translation>
    </message>
    <message>
        <source>Held back: {n} changes wait for an editor</source>
        <translation>Retenido: {n} cambios esperan a un editor</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Rechazado: {reason}</translation>
    </message>
    <message>
        <source>{reason}
The other copies&apos; changes still come in; this copy&apos;s wait here ({changes}).</source>
        <translation>{reason}
Los cambios de las demás copias siguen llegando; los de esta copia esperan aquí ({changes}).</translation>
    </message>
    <message>
        <source>Sync: password needed</source>
        <translation>Sincronización: falta la contraseña</translation>
    </message>
    <message>
        <source>{server} asks for a password: click here, or File &gt; Sync now, to type it.</source>
        <translation>{server} pide una contraseña: haga clic aquí, o use Archivo &gt; Sincronizar ahora, para escribirla.</translation>
    </message>
    <message>
        <source>Not synced: {reason}</source>
        <translation>Sin sincronizar: {reason}</translation>
    </message>
    <message>
        <source>{reason}
Tried again every {seconds} s.</source>
        <translation>{reason}
Se vuelve a intentar cada {seconds} s.</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Sin sincronizar</translation>
    </message>
    <message>
        <source>This installation of factcheck cannot sync: the psycopg package is missing.</source>
        <translation>Esta instalación de factcheck no puede sincronizar: falta el paquete psycopg.</translation>
    </message>
    <message>
        <source>Not synced: factcheck failed</source>
        <translation>Sin sincronizar: factcheck falló</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <translation>Ajustes de sincronización</translation>
    </message>
    <message>
        <source>Link this project to your desk&apos;s PostgreSQL server: your changes then go to the server and the other copies&apos; changes come in, whenever you are online. Offline, work on as usual; the changes wait.</source>
        <translation>Vincule este proyecto al servidor PostgreSQL de su redacción: así sus cambios van al servidor y llegan los de las demás copias, siempre que haya conexión. Sin conexión, trabaje como siempre; los cambios esperan.</translation>
    </message>
    <message>
        <source>Server and database</source>
        <translation>Servidor y base de datos</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Cadena de conexión</translation>
    </message>
    <message>
        <source>Service name (pg_service.conf)</source>
        <translation>Nombre de servicio (pg_service.conf)</translation>
    </message>
    <message>
        <source>db.newsroom.example</source>
        <translation>bd.redaccion.example</translation>
    </message>
    <message>
        <source>your user name on the server</source>
        <translation>su nombre de usuario en el servidor</translation>
    </message>
    <message>
        <source>host=db.newsroom.example dbname=factcheck user=ana</source>
        <translation>host=bd.redaccion.example dbname=factcheck user=ana</translation>
    </message>
    <message>
        <source>As your IT department gave it: key=value pairs or a postgresql:// address. A password in it is taken out and never stored in the project.</source>
        <translation>Tal como se la dio su departamento de informática: pares clave=valor o una dirección postgresql://. Si lleva una contraseña, se quita y nunca se guarda en el proyecto.</translation>
    </message>
    <message>
        <source>newsroom</source>
        <translation>redaccion</translation>
    </message>
    <message>
        <source>A section of your pg_service.conf, which names the server, database and user.</source>
        <translation>Una sección de su pg_service.conf, que indica el servidor, la base de datos y el usuario.</translation>
    </message>
    <message>
        <source>&amp;Keep the password in the system keyring</source>
        <translation>Guardar la contraseña en el &amp;llavero del sistema</translation>
    </message>
    <message>
        <source>This computer has no system keyring: the password is kept until factcheck closes, never in the project.</source>
        <translation>Este equipo no tiene llavero del sistema: la contraseña se conserva hasta que se cierre factcheck, nunca en el proyecto.</translation>
    </message>
    <message>
        <source>&amp;Connect with:</source>
        <translation>&amp;Conectar con:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>S&amp;ervidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Connection &amp;string:</source>
        <translation>Cadena de cone&amp;xión:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Servicio:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Probar la co&amp;nexión</translation>
    </message>
    <message>
        <source>Command for your editor</source>
        <translation>Orden para su editor</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Vincular</translation>
    </message>
    <message>
        <source>U&amp;nlink</source>
        <translation>&amp;Desvincular</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>This project syncs with {server} ({dsn}).</source>
        <translation>Este proyecto se sincroniza con {server} ({dsn}).</translation>
    </message>
    <message>
        <source>This project is not linked: it stays on this computer.</source>
        <translation>Este proyecto no está vinculado: se queda en este equipo.</translation>
    </message>
    <message>
        <source>kept for this session</source>
        <translation>guardada para esta sesión</translation>
    </message>
    <message>
        <source>if the server asks for one</source>
        <translation>si el servidor la pide</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Conectando con {server}…</translation>
    </message>
    <message>
        <source>Connected as {user}: editor on this project.</source>
        <translation>Conectado como {user}: editor en este proyecto.</translation>
    </message>
    <message>
        <source>Connected as {user}: checker on this project.</source>
        <translation>Conectado como {user}: verificador en este proyecto.</translation>
    </message>
    <message>
        <source>Connected as {user}, but not a member of this project. Ask your editor to make you one; they run (SERVER: their connection to the server):</source>
        <translation>Conectado como {user}, pero sin permiso en este proyecto. Pida a su editor que se lo dé; debe ejecutar (SERVER: su conexión al servidor):</translation>
    </message>
    <message>
        <source>The server refused this password for {user}.</source>
        <translation>El servidor rechazó esta contraseña para {user}.</translation>
    </message>
    <message>
        <source>The server asks for a password for {user}: type it above.</source>
        <translation>El servidor pide una contraseña para {user}: escríbala arriba.</translation>
    </message>
    <message>
        <source>This installation of factcheck cannot sync: the psycopg package is missing.</source>
        <translation>Esta instalación de factcheck no puede sincronizar: falta el paquete psycopg.</translation>
    </message>
</context>
<context>
    <name>TaskTemplateEditor</name>
    <message>
        <source>Verification tasks</source>
        <translation>Tareas de verificación</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Required before Submit</source>
        <translation>Obligatoria antes de enviar a revisión</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Renombrar</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Double-click or press F2 to rename</source>
        <translation>Haga doble clic o pulse F2 para cambiar el nombre</translation>
    </message>
    <message>
        <source>A claim cannot be submitted for review until this task is ticked</source>
        <translation>Una afirmación no se puede enviar a revisión hasta que esta tarea esté marcada</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Tarea nueva</translation>
    </message>
    <message>
        <source>New task {n}</source>
        <translation>Tarea nueva {n}</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <source>&lt;b&gt;Required&lt;/b&gt;</source>
        <translation>&lt;b&gt;Obligatoria&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Required&lt;/b&gt; before Submit</source>
        <translation>&lt;b&gt;Obligatoria&lt;/b&gt; antes de enviar a revisión</translation>
    </message>
    <message>
        <source>ticked by {who}, {when}</source>
        <translation>marcada por {who}, {when}</translation>
    </message>
    <message>
        <source>Required before Submit. Ticked by {who}, {when}.</source>
        <translation>Obligatoria antes de enviar a revisión. Marcada por {who}, {when}.</translation>
    </message>
    <message>
        <source>Required before Submit.</source>
        <translation>Obligatoria antes de enviar a revisión.</translation>
    </message>
    <message>
        <source>Ticked by {who}, {when}.</source>
        <translation>Marcada por {who}, {when}.</translation>
    </message>
    <message>
        <source>No verification tasks: set them in File &gt; Project settings</source>
        <translation>No hay tareas de verificación: defínalas en Archivo &gt; Ajustes del proyecto</translation>
    </message>
    <message>
        <source>Tasks marked Required must be ticked before the claim can be submitted for review.</source>
        <translation>Las tareas indicadas como Obligatoria deben estar marcadas antes de enviar la afirmación a revisión.</translation>
    </message>
    <message>
        <source>Verification tasks</source>
        <translation>Tareas de verificación</translation>
    </message>
</context>
<context>
    <name>UpdateReviewDialog</name>
    <message>
        <source>Review re-anchored claims</source>
        <translation>Revisar afirmaciones reancladas</translation>
    </message>
    <message>
        <source>Re-anchored claims</source>
        <translation>Afirmaciones reancladas</translation>
    </message>
    <message>
        <source>The article&apos;s claims grouped by what the new version did to their words</source>
        <translation>Las afirmaciones del artículo, agrupadas según lo que la versión nueva hizo con sus palabras</translation>
    </message>
    <message>
        <source>Checked words</source>
        <translation>Palabras verificadas</translation>
    </message>
    <message>
        <source>Words there now</source>
        <translation>Palabras que hay ahora</translation>
    </message>
    <message>
        <source>&amp;Confirm new words</source>
        <translation>&amp;Confirmar las palabras nuevas</translation>
    </message>
    <message>
        <source>Accept the words there now as the claim&apos;s quote</source>
        <translation>Aceptar las palabras que hay ahora como fragmento de la afirmación</translation>
    </message>
    <message>
        <source>&amp;Re-select in article</source>
        <translation>&amp;Volver a seleccionar en el artículo</translation>
    </message>
    <message>
        <source>Go to the article to select the claim&apos;s words, then anchor the claim to them ({keys})</source>
        <translation>Ir al artículo para seleccionar las palabras de la afirmación y anclarla a ellas ({keys})</translation>
    </message>
    <message>
        <source>Show in &amp;article</source>
        <translation>Mostrar en el &amp;artículo</translation>
    </message>
    <message>
        <source>Show the claim in the article and the inspector</source>
        <translation>Mostrar la afirmación en el artículo y en el inspector</translation>
    </message>
    <message>
        <source>Show c&amp;hanges…</source>
        <translation>Mostrar los ca&amp;mbios…</translation>
    </message>
    <message>
        <source>The previous version and this one side by side, the changed words marked</source>
        <translation>La versión anterior y esta, una junto a otra, con las palabras cambiadas marcadas</translation>
    </message>
    <message>
        <source>Version {number} of “{title}”</source>
        <translation>Versión {number} de «{title}»</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artículo sin título</translation>
    </message>
    <message>
        <source>Every claim kept its words: nothing to confirm.</source>
        <translation>Todas las afirmaciones conservaron sus palabras: no hay nada que confirmar.</translation>
    </message>
    <message>
        <source>To confirm: {fuzzy} · Unanchored: {orphaned}</source>
        <translation>Por confirmar: {fuzzy} · Sin anclar: {orphaned}</translation>
    </message>
    <message>
        <source>Kept their words: {kept} ({exact} in place, {moved} moved)</source>
        <translation>Conservaron sus palabras: {kept} ({exact} en su sitio, {moved} desplazadas)</translation>
    </message>
    <message>
        <source>Choose a claim to see its words before and after.</source>
        <translation>Elija una afirmación para ver sus palabras antes y después.</translation>
    </message>
    <message>
        <source>Checked words (version {number})</source>
        <translation>Palabras verificadas (versión {number})</translation>
    </message>
    <message>
        <source>Version {number}</source>
        <translation>Versión {number}</translation>
    </message>
    <message>
        <source>These words are not in version {number}.</source>
        <translation>Estas palabras no están en la versión {number}.</translation>
    </message>
    <message>
        <source>The claim keeps its quote and verdict under Unanchored. If it is still in the article in other words, re-select them.</source>
        <translation>La afirmación conserva su fragmento y su veredicto en Sin anclar. Si sigue en el artículo con otras palabras, vuelva a seleccionarlas.</translation>
    </message>
    <message>
        <source>Words there now (version {number})</source>
        <translation>Palabras que hay ahora (versión {number})</translation>
    </message>
    <message>
        <source>The same words, but the text around them changed: check that they still say what was claimed, then confirm.</source>
        <translation>Son las mismas palabras, pero cambió el texto de alrededor: compruebe que siguen diciendo lo que se afirmó y luego confirme.</translation>
    </message>
    <message>
        <source>The words under the claim changed: confirm them if the claim is still what they say, or re-select the right words.</source>
        <translation>Las palabras de la afirmación cambiaron: confírmelas si la afirmación sigue siendo lo que dicen, o vuelva a seleccionar las palabras correctas.</translation>
    </message>
    <message>
        <source>The words are unchanged; they moved to another place in the article.</source>
        <translation>Las palabras no cambiaron; se desplazaron a otro lugar del artículo.</translation>
    </message>
    <message>
        <source>The words are unchanged and in their place.</source>
        <translation>Las palabras no cambiaron y están en su sitio.</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>Upgrading {name}</source>
        <translation>Actualizando {name}</translation>
    </message>
    <message>
        <source>Upgrading {name} for this version of factcheck…</source>
        <translation>Actualizando {name} para esta versión de factcheck…</translation>
    </message>
    <message>
        <source>This version of factcheck adds indexes to the project file so that it stays fast. A large project takes a few minutes; Stop leaves the file as its last finished step left it.</source>
        <translation>Esta versión de factcheck añade índices al archivo del proyecto para que siga siendo rápido. Un proyecto grande tarda unos minutos; Detener deja el archivo como lo dejó su último paso terminado.</translation>
    </message>
    <message>
        <source>Upgrade progress</source>
        <translation>Progreso de la actualización</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Upgrading {name} for this version of factcheck: step {n} of {total}</source>
        <translation>Actualizando {name} para esta versión de factcheck: paso {n} de {total}</translation>
    </message>
    <message>
        <source>Stopping the upgrade of {name}…</source>
        <translation>Deteniendo la actualización de {name}…</translation>
    </message>
</context>
<context>
    <name>VersionCompareDialog</name>
    <message>
        <source>Version {number}</source>
        <translation>Versión {number}</translation>
    </message>
    <message>
        <source>Compare versions – {title}</source>
        <translation>Comparar versiones – {title}</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artículo sin título</translation>
    </message>
    <message>
        <source>Old version</source>
        <translation>Versión anterior</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Versión nueva</translation>
    </message>
    <message>
        <source>Old version&apos;s text</source>
        <translation>Texto de la versión anterior</translation>
    </message>
    <message>
        <source>New version&apos;s text</source>
        <translation>Texto de la versión nueva</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Insertado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Marked:</source>
        <translation>Marcas:</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>Cambio anterior</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Cambio siguiente</translation>
    </message>
    <message>
        <source>Show the change before this one in both versions ({keys})</source>
        <translation>Mostrar el cambio anterior a este en ambas versiones ({keys})</translation>
    </message>
    <message>
        <source>Show the next change in both versions ({keys})</source>
        <translation>Mostrar el cambio siguiente en ambas versiones ({keys})</translation>
    </message>
    <message>
        <source>&amp;Old</source>
        <translation>&amp;Anterior</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <source>Inserted words: tinted and underlined</source>
        <translation>Palabras insertadas: coloreadas y subrayadas</translation>
    </message>
    <message>
        <source>Deleted words: tinted and struck out</source>
        <translation>Palabras eliminadas: coloreadas y tachadas</translation>
    </message>
    <message>
        <source>Both sides show version {number}: choose another to compare.</source>
        <translation>Ambos lados muestran la versión {number}: elija otra para comparar.</translation>
    </message>
    <message>
        <source>From version {old} to {new}: {changes}</source>
        <translation>De la versión {old} a la {new}: {changes}</translation>
    </message>
    <message>
        <source>From version {old} to {new} (the newer on the left): {changes}</source>
        <translation>De la versión {old} a la {new} (la más reciente a la izquierda): {changes}</translation>
    </message>
</context>
<context>
    <name>VersionUpdates</name>
    <message>
        <source>&amp;Update from file…</source>
        <translation>Actuali&amp;zar desde un archivo…</translation>
    </message>
    <message>
        <source>Make a file the article&apos;s newest version (the outlet changed it); its claims are re-anchored for review</source>
        <translation>Hacer de un archivo la versión más reciente del artículo (el medio lo cambió); sus afirmaciones se reanclan para revisarlas</translation>
    </message>
    <message>
        <source>Update from pas&amp;ted text…</source>
        <translation>Actualizar desde te&amp;xto pegado…</translation>
    </message>
    <message>
        <source>Make pasted text the article&apos;s newest version; its claims are re-anchored for review</source>
        <translation>Hacer de un texto pegado la versión más reciente del artículo; sus afirmaciones se reanclan para revisarlas</translation>
    </message>
    <message>
        <source>Re&amp;view re-anchored claims…</source>
        <translation>&amp;Revisar afirmaciones reancladas…</translation>
    </message>
    <message>
        <source>The claims whose words changed or are gone since the article&apos;s last update, to confirm or re-select</source>
        <translation>Las afirmaciones cuyas palabras cambiaron o desaparecieron con la última actualización del artículo, para confirmarlas o volver a seleccionarlas</translation>
    </message>
    <message>
        <source>&amp;Anchor claim to selection</source>
        <translation>&amp;Anclar afirmación a la selección</translation>
    </message>
    <message>
        <source>Put the selected claim on the words selected in the article</source>
        <translation>Poner la afirmación seleccionada sobre las palabras seleccionadas en el artículo</translation>
    </message>
    <message>
        <source>&amp;Mark changes since the previous version</source>
        <translation>&amp;Marcar los cambios desde la versión anterior</translation>
    </message>
    <message>
        <source>Underline the words the outlet added or changed in the shown version (Show changes… has what it removed)</source>
        <translation>Subrayar las palabras que el medio añadió o cambió en la versión mostrada (Mostrar los cambios… indica lo que quitó)</translation>
    </message>
    <message>
        <source>{name}: {error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <source>Update article</source>
        <translation>Actualizar el artículo</translation>
    </message>
    <message>
        <source>The text is the same as version {number}: nothing changed, so no version was added.</source>
        <translation>El texto es el mismo que el de la versión {number}: nada cambió, así que no se añadió ninguna versión.</translation>
    </message>
    <message>
        <source>Version {number} added; its claims are listed for review.</source>
        <translation>Versión {number} añadida; sus afirmaciones están listadas para revisarlas.</translation>
    </message>
    <message>
        <source>Select the claim&apos;s words in the article, then press {keys} (Article &gt; Anchor claim to selection).</source>
        <translation>Seleccione en el artículo las palabras de la afirmación y pulse {keys} (Artículo &gt; Anclar afirmación a la selección).</translation>
    </message>
    <message>
        <source>Select a claim first, in the claim list.</source>
        <translation>Seleccione primero una afirmación en la lista de afirmaciones.</translation>
    </message>
    <message>
        <source>Select the claim&apos;s words in the article first.</source>
        <translation>Seleccione primero en el artículo las palabras de la afirmación.</translation>
    </message>
    <message>
        <source>The claim is anchored to the selected words.</source>
        <translation>La afirmación quedó anclada a las palabras seleccionadas.</translation>
    </message>
    <message>
        <source>Update article from file</source>
        <translation>Actualizar el artículo desde un archivo</translation>
    </message>
    <message>
        <source>Articles ({patterns});;All files (*)</source>
        <translation>Artículos ({patterns});;Todos los archivos (*)</translation>
    </message>
</context>
</TS>

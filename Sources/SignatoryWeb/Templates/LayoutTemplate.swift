extension Templates {
    /// Every page's frame: navigation, the office's name, and a status line for the last action.
    static let layout = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Signatory</title>
        <link rel="stylesheet" href="/static/app.css">
        </head>
        <body>
        <a class="skip" href="#main">{{t.skipToContent}}</a>
        <header class="site">
        <nav aria-label="{{t.mainNavigation}}">
        <a href="/" class="brand">Signatory</a>
        <a href="/">{{t.campaigns}}</a>
        <a href="/sync">{{t.syncAndConflicts}}</a>
        <a href="/exports">{{t.contactSheets}}</a>
        </nav>
        {{#office}}<p class="office">{{t.office}}: <bdi>{{office}}</bdi></p>{{/office}}
        </header>
        <main id="main">
        {{#flash}}<p class="flash" role="status">{{flash}}</p>{{/flash}}
        {{#problem}}<div class="problem" role="alert"><p>{{problem}}</p>{{#problemLines}}<p>{{.}}</p>{{/problemLines}}</div>{{/problem}}
        {{{content}}}
        </main>
        </body>
        </html>
        """

    /// A refused request: what went wrong, in a sentence.
    static let error = """
        <h1>{{heading}}</h1>
        <p>{{message}}</p>
        """
}

/// The Mustache templates of every page, HTML-escaped by default: a value never becomes markup.
enum Templates {}

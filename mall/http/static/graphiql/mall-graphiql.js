// Mall's GraphiQL bootstrap (adapted from strawberry-graphql 0.341.2's inline
// script): a file of its own so the page's Content-Security-Policy allows
// scripts from 'self' only. Settings come from data- attributes of #graphiql.
// Headers (Authorization) are neither read from the URL nor kept in storage.
(function () {
  "use strict";

  const EXAMPLE_QUERY = `# Welcome to GraphiQL
#
# Type queries into this side of the screen; completion and validation
# follow the schema.
#
# Authorization headers typed below are kept for this tab only.
#
# Keyboard shortcuts:
#
#       Run Query:  Ctrl-Enter (or press the play button above)
#
#   Auto Complete:  Ctrl-Space (or just start typing)
#
`;

  const container = document.getElementById("graphiql");

  // The query and variables may be shared in the URL; headers never are.
  const parameters = {};
  for (const entry of window.location.search.slice(1).split("&")) {
    const eq = entry.indexOf("=");
    if (eq >= 0) {
      const key = decodeURIComponent(entry.slice(0, eq));
      if (key === "q" || key === "variables") {
        parameters[key] = decodeURIComponent(entry.slice(eq + 1));
      }
    }
  }

  function updateURL(data) {
    Object.assign(parameters, data);
    const newSearch =
      "?" +
      Object.keys(parameters)
        .filter(function (key) {
          return Boolean(parameters[key]);
        })
        .map(function (key) {
          return encodeURIComponent(key) + "=" + encodeURIComponent(parameters[key]);
        })
        .join("&");
    history.replaceState(null, null, newSearch);
  }

  const fetchURL = (function () {
    const url = new URL(container.dataset.graphqlUrl, window.location.href);
    url.hash = "";
    return url.toString();
  })();

  function httpUrlToWebSocketUrl(url) {
    const parsedURL = new URL(url);
    parsedURL.protocol = parsedURL.protocol === "http:" ? "ws:" : "wss:";
    parsedURL.hash = "";
    return parsedURL.toString();
  }

  // Default: same path as the HTTP endpoint, ws:/wss: matching http:/https:.
  const subscriptionUrl = (function () {
    const configured = container.dataset.subscriptionUrl;
    if (!configured) {
      return httpUrlToWebSocketUrl(fetchURL);
    }
    const url = new URL(configured, window.location.href);
    if (url.protocol === "http:" || url.protocol === "https:") {
      return httpUrlToWebSocketUrl(url.toString());
    }
    return url.toString();
  })();

  const fetcher = GraphiQL.createFetcher({ url: fetchURL, subscriptionUrl });

  function GraphiQLWithExplorer() {
    const [query, setQuery] = React.useState(parameters.q || EXAMPLE_QUERY);
    const [variables, setVariables] = React.useState(parameters.variables);

    function onEditQuery(newQuery) {
      setQuery(newQuery);
      updateURL({ q: newQuery });
    }

    function onEditVariables(newVariables) {
      setVariables(newVariables);
      updateURL({ variables: newVariables });
    }

    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      plugins: [GraphiQLPluginExplorer.explorerPlugin()],
      query: query,
      variables: variables,
      onEditQuery: onEditQuery,
      onEditVariables: onEditVariables,
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    });
  }

  ReactDOM.createRoot(container).render(React.createElement(GraphiQLWithExplorer));
})();

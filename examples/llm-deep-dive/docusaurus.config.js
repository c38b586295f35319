// The Docusaurus settings doclint reads for this series (it never executes this file).
module.exports = {
  title: 'LLM Deep Dive',
  url: 'https://example.com',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  markdown: {
    format: 'mdx',
    mermaid: true,
  },
  themes: ['@docusaurus/theme-mermaid'],
  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: 'docs',
        },
      },
    ],
  ],
};

/** Two jest projects: the server and contract in node, the Taro client in jsdom. */
module.exports = {
  // (A global option: jest ignores it inside a project.) A fresh database per server test file is migrated and
  // seeded with every feature's demo data, on PostgreSQL over the network, and client tests render whole pages with
  // NutUI in jsdom: seconds each on a 2-core machine that is also building.
  testTimeout: 30_000,
  projects: ['<rootDir>/jest.server.config.js', '<rootDir>/jest.client.config.js'],
};

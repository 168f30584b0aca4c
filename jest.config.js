/** Two jest projects: the server and contract in node, the Taro client in jsdom. */
module.exports = {
  projects: ['<rootDir>/jest.server.config.js', '<rootDir>/jest.client.config.js'],
};
